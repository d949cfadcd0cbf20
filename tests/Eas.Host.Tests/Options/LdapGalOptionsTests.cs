using Eas.Host.Options;
using Microsoft.Extensions.Configuration;

namespace Eas.Host.Tests.Options;

/// <summary>Eas:Gal:Ldap as an operator writes it: bound from configuration, the password from a file, mistakes named at start.</summary>
public sealed class LdapGalOptionsTests
{
    [Fact]
    public void Every_setting_and_the_attribute_map_bind_from_configuration()
    {
        var options = Bind(new()
        {
            ["Url"] = "ldaps://ldap.example.com",
            ["BaseDn"] = "ou=people,dc=example,dc=com",
            ["BindDn"] = "cn=eas,dc=example,dc=com",
            ["BindPassword"] = "pw",
            ["Filter"] = "(objectClass=person)",
            ["Attributes:DisplayName"] = "displayName",
            ["Attributes:Picture"] = "thumbnailPhoto",
            ["PageSize"] = "100",
            ["SizeLimit"] = "300",
            ["TimeoutSeconds"] = "3",
        });

        var settings = options.ToSettings();

        (settings.Url.Host, settings.Port, settings.UsesTls).ShouldBe(("ldap.example.com", 636, true));
        (settings.BaseDn, settings.BindDn, settings.BindPassword, settings.Filter).ShouldBe(("ou=people,dc=example,dc=com", "cn=eas,dc=example,dc=com", "pw", "(objectClass=person)"));
        (settings.Attributes.DisplayName, settings.Attributes.Picture, settings.Attributes.EmailAddress).ShouldBe(("displayName", "thumbnailPhoto", "mail"));
        (settings.PageSize, settings.SizeLimit, settings.Timeout).ShouldBe((100, 300, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void The_bind_password_file_wins_over_the_setting()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "from-file\n");
            var options = Bind(new() { ["Url"] = "ldap://127.0.0.1:389", ["BaseDn"] = "dc=x", ["BindPassword"] = "inline", ["BindPasswordFile"] = file });

            options.ToSettings().BindPassword.ShouldBe("from-file");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("", "dc=x", "Url")]
    [InlineData("http://ldap.example.com", "dc=x", "ldap://")]
    [InlineData("ldap://ldap.example.com", "", "base DN")]
    public void A_setting_that_cannot_work_stops_the_start_naming_it(string url, string baseDn, string named) =>
        Should.Throw<InvalidOperationException>(() => Bind(new() { ["Url"] = url, ["BaseDn"] = baseDn }).ToSettings()).Message.ShouldContain(named);

    private static LdapGalOptions Bind(Dictionary<string, string?> values)
    {
        var options = new LdapGalOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(options);
        return options;
    }
}
