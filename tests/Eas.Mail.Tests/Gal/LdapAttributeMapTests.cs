using Eas.Mail.Gal;
using Eas.Mail.Gal.Ldap;

namespace Eas.Mail.Tests.Gal;

/// <summary>How LDAP attributes become GAL fields (MS-ASCMD 2.2.3.78), and which attributes a query asks for.</summary>
public sealed class LdapAttributeMapTests
{
    private static readonly Dictionary<string, string> Text = new(StringComparer.OrdinalIgnoreCase)
    {
        ["displayName"] = "Alice Smith (Sales)",
        ["cn"] = "Alice Smith",
        ["mail"] = "alice@example.com",
        ["givenName"] = "Alice",
        ["sn"] = "Smith",
        ["o"] = "Example",
        ["title"] = "Engineer",
        ["physicalDeliveryOfficeName"] = "B2",
        ["telephoneNumber"] = "1",
        ["mobile"] = "2",
        ["homePhone"] = "3",
        ["uid"] = "asmith",
    };

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 1, 2];

    [Fact]
    public void The_default_map_reads_every_inetOrgPerson_field()
    {
        var entry = new LdapAttributeMap().ToEntry(Read, Binary, new GalSearchOptions(WithPictures: true, WithCertificates: true))!;

        entry.DisplayName.ShouldBe("Alice Smith");
        entry.EmailAddress.ShouldBe("alice@example.com");
        (entry.FirstName, entry.LastName, entry.Company, entry.Title, entry.Office).ShouldBe(("Alice", "Smith", "Example", "Engineer", "B2"));
        (entry.Phone, entry.MobilePhone, entry.HomePhone, entry.Alias).ShouldBe(("1", "2", "3", "asmith"));
        entry.Picture.ShouldBe(Jpeg);
        entry.Certificates.Count.ShouldBe(2);
    }

    [Fact]
    public void Every_field_follows_its_configured_attribute()
    {
        var map = new LdapAttributeMap { DisplayName = "displayName", Alias = "", Picture = "thumbnailPhoto" };

        var entry = map.ToEntry(Read, Binary, new GalSearchOptions(WithPictures: true))!;

        entry.DisplayName.ShouldBe("Alice Smith (Sales)");
        entry.Alias.ShouldBeNull();
        entry.Picture.ShouldBe([9]);
        map.Requested(new GalSearchOptions()).ShouldNotContain("uid");
    }

    [Fact]
    public void Pictures_and_certificates_are_requested_only_when_asked()
    {
        var map = new LdapAttributeMap();

        map.Requested(new GalSearchOptions()).ShouldNotContain("jpegPhoto");
        map.Requested(new GalSearchOptions()).ShouldNotContain("userCertificate;binary");
        map.Requested(new GalSearchOptions(WithPictures: true)).ShouldContain("jpegPhoto");
        map.Requested(new GalSearchOptions(WithCertificates: true)).ShouldContain("userCertificate;binary");
        map.ToEntry(Read, Binary, new GalSearchOptions())!.Picture.ShouldBeNull();
    }

    [Fact]
    public void An_entry_without_an_address_is_no_GAL_entry_and_a_missing_name_falls_back_to_the_address()
    {
        new LdapAttributeMap().ToEntry(_ => null, Binary, new GalSearchOptions()).ShouldBeNull();
        new LdapAttributeMap().ToEntry(a => a == "mail" ? "x@example.com" : null, Binary, new GalSearchOptions())!.DisplayName.ShouldBe("x@example.com");
    }

    private static string? Read(string attribute) => Text.GetValueOrDefault(attribute);

    private static IReadOnlyList<byte[]> Binary(string attribute) => attribute.ToLowerInvariant() switch
    {
        "jpegphoto" => [Jpeg],
        "thumbnailphoto" => [[9]],
        "usercertificate;binary" => [[0x30, 1], [0x30, 2]],
        _ => [],
    };
}
