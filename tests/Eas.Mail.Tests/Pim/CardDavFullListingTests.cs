using Eas.Mail.Pim;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Pim;

/// <summary>
/// A full listing and one multiget of an address book written behind Radicale's back: every vCard is listed and read.
/// The throughput over 5,000 vCards is a load-tool figure (<c>eas-load contacts-bench --store carddav</c>), not a test.
/// </summary>
public sealed class CardDavFullListingTests(RadicaleFixture radicale) : IClassFixture<RadicaleFixture>
{
    private const int Count = 250;

    [Fact]
    public async Task RFC6578_3_4_and_RFC6352_8_7_a_full_listing_and_multiget_return_every_seeded_vcard()
    {
        var (user, password) = radicale.NewUser("bulk");
        var ids = Enumerable.Range(0, Count).Select(i => $"p{i:D5}").ToList();
        await radicale.Radicale.SeedAddressBookAsync(user, "contacts", "Contacts",
            ids.Select((id, i) => KeyValuePair.Create(id, RadicaleFixture.VCard(id, $"Person {i}"))));
        await using var store = radicale.Store(user, password);
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, CancellationToken.None)).ShouldHaveSingleItem().Id;

        var listing = await store.GetChangesAsync(book, null, CancellationToken.None);
        var items = await store.GetAsync(book, [.. listing.Changed.Select(c => c.ItemId)], CancellationToken.None);

        listing.IsFullListing.ShouldBeTrue();
        listing.Changed.Select(c => c.ItemId).Order(StringComparer.Ordinal).ShouldBe(ids);
        items.Count.ShouldBe(Count);
        items.ShouldAllBe(i => i.Content.Contains("UID:" + i.ItemId));
    }
}
