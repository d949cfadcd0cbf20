using System.Text;
using Eas.Host.Auth;

namespace Eas.Host.Tests.Auth;

public sealed class BasicCredentialsTests
{
    private static string Header(string userColonPassword, Encoding? encoding = null) =>
        "Basic " + Convert.ToBase64String((encoding ?? Encoding.UTF8).GetBytes(userColonPassword));

    [Fact]
    public void Splits_at_the_first_colon_so_passwords_may_contain_colons()
    {
        var credentials = BasicCredentials.Parse(Header("ox.io\\mike:pa:ss w0rd"))!;

        credentials.UserName.ShouldBe("ox.io\\mike");
        credentials.Password.ShouldBe("pa:ss w0rd");
        credentials.ToString().ShouldNotContain("pa:ss");
    }

    [Fact]
    public void Reads_utf8_and_falls_back_to_latin1()
    {
        BasicCredentials.Parse(Header("jörg:pässword"))!.Password.ShouldBe("pässword");
        BasicCredentials.Parse(Header("jörg:pässword", Encoding.Latin1))!.Password.ShouldBe("pässword");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!")]
    [InlineData("Basic bWlrZQ==")]
    [InlineData("Basic OnBhc3M=")]
    public void Anything_but_well_formed_basic_is_absent(string? header)
    {
        BasicCredentials.Parse(header).ShouldBeNull();
    }
}
