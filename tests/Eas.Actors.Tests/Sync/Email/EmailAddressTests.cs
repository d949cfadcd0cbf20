using System.Collections.Immutable;
using Eas.Actors.Sync.Email;
using Eas.Wire.Http;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>Address strings in the form MS-ASEMAIL's To, Cc and From carry.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("Anna Berg", "anna@example.com", "\"Anna Berg\" <anna@example.com>")]
    [InlineData(null, "anna@example.com", "anna@example.com")]
    [InlineData("  ", "anna@example.com", "anna@example.com")]
    [InlineData("Berg, Anna", "anna@example.com", "\"Berg, Anna\" <anna@example.com>")]
    [InlineData("Anna \"AB\" Berg", "anna@example.com", "\"Anna \\\"AB\\\" Berg\" <anna@example.com>")]
    [InlineData("back\\slash", "b@example.com", "\"back\\\\slash\" <b@example.com>")]
    [InlineData("Jörg Müller", "jorg@example.de", "\"Jörg Müller\" <jorg@example.de>")]
    [InlineData("山田 太郎", "taro@example.jp", "\"山田 太郎\" <taro@example.jp>")]
    [InlineData("Folded\r\n Name", "f@example.com", "\"Folded  Name\" <f@example.com>")]
    public void One_address_is_quoted_and_escaped(string? name, string address, string expected)
    {
        new EmailAddress(name, address).ToEasString().ShouldBe(expected);
    }

    [Fact]
    public void No_address_joins_to_empty_and_one_to_its_own_form()
    {
        EmailAddress.Join(ImmutableArray<EmailAddress>.Empty, ", ").ShouldBe(string.Empty);
        EmailAddress.JoinDisplayNames(ImmutableArray<EmailAddress>.Empty, "; ").ShouldBe(string.Empty);
        EmailAddress.Join(ImmutableArray.Create(new EmailAddress("Berg, Anna", "anna@example.com")), ", ").ShouldBe("\"Berg, Anna\" <anna@example.com>");
        EmailAddress.JoinDisplayNames(ImmutableArray.Create(new EmailAddress(" Anna\r\nBerg ", "anna@example.com")), "; ").ShouldBe("Anna Berg");
        EmailAddress.JoinDisplayNames(ImmutableArray.Create(new EmailAddress(null, "team@example.com")), "; ").ShouldBe("team@example.com");
    }

    [Fact]
    public void Lists_are_comma_separated_and_DisplayTo_is_semicolon_separated_names()
    {
        var item = new EmailItem
        {
            DateReceived = Received,
            To = [new EmailAddress("Berg, Anna", "anna@example.com"), new EmailAddress(null, "team@example.com"), new EmailAddress("Åsa", "asa@example.se")],
            Cc = [new EmailAddress("Carl", "carl@example.com"), new EmailAddress("Dora", "dora@example.com")],
        };

        var data = EmailApplicationData.Build(item, Options(ProtocolVersion.V141));

        data.ValueOf(EmailPage.To).ShouldBe("\"Berg, Anna\" <anna@example.com>, team@example.com, \"Åsa\" <asa@example.se>");
        data.ValueOf(EmailPage.Cc).ShouldBe("\"Carl\" <carl@example.com>, \"Dora\" <dora@example.com>");
        data.ValueOf(EmailPage.DisplayTo).ShouldBe("Berg, Anna; team@example.com; Åsa");
    }

    [Fact]
    public void ReplyTo_addresses_are_semicolon_separated()
    {
        var item = new EmailItem
        {
            DateReceived = Received,
            ReplyTo = [new EmailAddress("List", "list@example.com"), new EmailAddress(null, "owner@example.com")],
        };

        EmailApplicationData.Build(item, Options(ProtocolVersion.V25)).ValueOf(EmailPage.ReplyTo)
            .ShouldBe("\"List\" <list@example.com>; owner@example.com");
    }
}
