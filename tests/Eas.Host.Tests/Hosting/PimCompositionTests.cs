using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Pim;
using Eas.Host.Hosting;
using Eas.Host.Options;
using Eas.Mail.Pim;

namespace Eas.Host.Tests.Hosting;

/// <summary>The <c>dav</c> store as the host composes it: one store per account that routes each kind to its adapter.</summary>
public sealed class PimCompositionTests
{
    [Fact]
    public async Task The_dav_store_is_named_dav_and_opens_a_store_routing_contacts_and_calendars()
    {
        var options = new PimOptions
        {
            Domains = { ["dav.example"] = new PimDomainOptions { Store = "dav" } },
            CardDav = { UrlTemplate = "http://127.0.0.1:1/{user}/" },
            CalDav = { UrlTemplate = "http://127.0.0.1:1/" },
        };

        var factory = PimComposition.From(options);
        await using var store = factory.Open(new PimStoreTarget("ann@dav.example", new MailCredentials("ann@dav.example", "pw"), null!));

        factory.KindFor("ann@dav.example").ShouldBe(PimStoreKinds.Dav);
        factory.KindFor("bob@other.example").ShouldBe(PimStoreKinds.Imap);
        store.ShouldBeOfType<KindRoutedPimStore>().Kind.ShouldBe("dav");
    }
}
