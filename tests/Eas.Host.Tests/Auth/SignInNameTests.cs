using Eas.Host.Auth;

namespace Eas.Host.Tests.Auth;

public sealed class SignInNameTests
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase) { ["OX"] = "ox.io" };

    [Theory]
    [InlineData("mike@ox.io", "mike", "ox.io")]
    [InlineData("ox.io\\mike", "mike", "ox.io")]
    [InlineData("mike", "mike", "ox.io")]
    [InlineData("\\mike", "mike", "ox.io")]
    [InlineData(" \\mike", "mike", "ox.io")]
    [InlineData("defaultcontext\\mike", "mike", "ox.io")]
    [InlineData("DefaultContext\\mike", "mike", "ox.io")]
    [InlineData("OX\\mike", "mike", "ox.io")]
    [InlineData("other.org\\Mike", "Mike", "other.org")]
    [InlineData("ox.io\\mike@ox.io", "mike", "ox.io")]
    public void Every_form_phones_send_maps_to_one_account(string raw, string local, string domain)
    {
        var name = SignInName.Parse(raw, "ox.io", Aliases).ShouldNotBeNull();

        name.LocalPart.ShouldBe(local);
        name.Domain.ShouldBe(domain);
    }

    [Fact]
    public void The_account_id_ignores_case_but_the_imap_login_keeps_it()
    {
        var name = SignInName.Parse("Mike@OX.io", "", Aliases)!;

        name.AccountId.ShouldBe("mike@ox.io");
        name.ImapLogin.ShouldBe("Mike@OX.io");
    }

    [Fact]
    public void Without_a_default_domain_a_bare_name_stays_bare()
    {
        var name = SignInName.Parse("defaultcontext\\mike", "", Aliases)!;

        name.Domain.ShouldBeNull();
        name.ImapLogin.ShouldBe("mike");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ox.io\\")]
    [InlineData("@ox.io")]
    [InlineData("mi ke@ox.io")]
    [InlineData("mike\u0001@ox.io")]
    [InlineData("a\\b\\c")]
    public void Names_that_name_nobody_are_refused(string raw)
    {
        SignInName.Parse(raw, "ox.io", Aliases).ShouldBeNull();
    }
}
