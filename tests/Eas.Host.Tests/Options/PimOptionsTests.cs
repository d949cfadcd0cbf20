using System.Collections.Immutable;
using Eas.Actors.Mailboxes.Pim;
using Eas.Host.Options;

namespace Eas.Host.Tests.Options;

/// <summary>Eas:Pim (issue 15): the store chosen per domain, and what is refused at start.</summary>
public sealed class PimOptionsTests
{
    private static readonly string[] ImapOnly = ["imap"];

    [Fact]
    public void The_defaults_are_valid_and_choose_the_imap_store()
    {
        PimOptions.Validate(new PimOptions(), ImapOnly);
        new PimStoreSettings("imap", ImmutableDictionary<string, string>.Empty).StoreFor("a@example.com").ShouldBe("imap");
    }

    [Fact]
    public void A_domain_override_wins_over_the_default_store()
    {
        var settings = new PimStoreSettings("imap", ImmutableDictionary<string, string>.Empty.Add("dav.example", "carddav"));
        settings.StoreFor("a@DAV.example").ShouldBe("carddav");
        settings.StoreFor("a@other.example").ShouldBe("imap");
    }

    [Fact]
    public void An_unknown_store_a_carddav_store_without_template_and_a_store_without_adapter_are_refused()
    {
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(new PimOptions { Store = "ldap" }, ImapOnly)).Message.ShouldContain("Eas:Pim:Store");
        var carddav = new PimOptions { Domains = { ["dav.example"] = new PimDomainOptions { Store = "carddav" } } };
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(carddav, ImapOnly)).Message.ShouldContain("no carddav contacts store");
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(carddav, ["imap", "carddav"])).Message.ShouldContain("UrlTemplate");
        carddav.CardDav.UrlTemplate = "https://dav.example/{user}/";
        PimOptions.Validate(carddav, ["imap", "carddav"]);
    }

    [Fact]
    public void The_imap_store_keeps_its_contacts_folder_and_the_folders_below_it_out_of_mail()
    {
        var factory = new PimStoreFactory(new PimStoreSettings("imap", ImmutableDictionary<string, string>.Empty), new Dictionary<string, Func<PimStoreTarget, Eas.Mail.Pim.IPimStore>>());
        factory.HoldsPim("a@example.com", "Contacts").ShouldBeTrue();
        factory.HoldsPim("a@example.com", "Contacts/Work").ShouldBeTrue();
        factory.HoldsPim("a@example.com", "ContactsArchive").ShouldBeFalse();
        factory.HoldsPim("a@example.com", "INBOX").ShouldBeFalse();
    }

    [Fact]
    public void A_carddav_template_must_name_the_user_and_be_an_absolute_http_url()
    {
        var carddav = new PimOptions { Store = "carddav", CardDav = { UrlTemplate = "https://dav.example/{localpart}/" } };
        PimOptions.Validate(carddav, ["imap", "carddav"]);
        carddav.CardDav.UrlTemplate = "https://dav.example/{domain}/";
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(carddav, ["imap", "carddav"])).Message.ShouldContain("{user}");
        carddav.CardDav.UrlTemplate = "dav.example/{user}/";
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(carddav, ["imap", "carddav"])).Message.ShouldContain("absolute");
        carddav.CardDav.UrlTemplate = "ftp://dav.example/{user}/";
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(carddav, ["imap", "carddav"])).Message.ShouldContain("absolute");
    }

    [Fact]
    public void The_carddav_template_expands_the_login_its_local_part_and_its_domain_escaped()
    {
        PimStoreSettings.ExpandCardDavTemplate("http://h/{user}/", "a@example.com", "a@example.com").ShouldBe("http://h/a%40example.com/");
        PimStoreSettings.ExpandCardDavTemplate("http://h/{domain}/{localpart}/", "a@example.com", "a.b@example.com").ShouldBe("http://h/example.com/a.b/");
        PimStoreSettings.ExpandCardDavTemplate("http://h/{domain}/{localpart}/", "bob@example.org", "bob").ShouldBe("http://h/example.org/bob/");
        PimStoreSettings.ExpandCardDavTemplate("http://h/{user}/", "x@y", "we ird/").ShouldBe("http://h/we%20ird%2F/");
    }

    [Fact]
    public void RFC4791_6_2_1_the_dav_store_needs_both_templates_and_its_caldav_one_may_name_no_user()
    {
        string[] all = ["imap", "carddav", "dav"];
        var dav = new PimOptions { Domains = { ["dav.example"] = new PimDomainOptions { Store = "dav" } }, CardDav = { UrlTemplate = "https://dav.example/{user}/" } };
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(dav, all)).Message.ShouldContain("Eas:Pim:CalDav:UrlTemplate");
        dav.CalDav.UrlTemplate = "ftp://dav.example/";
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(dav, all)).Message.ShouldContain("absolute");
        dav.CalDav.UrlTemplate = "https://dav.example/";
        PimOptions.Validate(dav, all);
        dav.CalDav.TimeoutSeconds = 0;
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(dav, all)).Message.ShouldContain("TimeoutSeconds");
        dav.CalDav.TimeoutSeconds = 30;
        dav.CardDav.UrlTemplate = null;
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(dav, all)).Message.ShouldContain("Eas:Pim:CardDav:UrlTemplate");
        Should.Throw<InvalidOperationException>(() => PimOptions.Validate(new PimOptions { Store = "caldav" }, all)).Message.ShouldContain("imap, carddav or dav");
    }
}
