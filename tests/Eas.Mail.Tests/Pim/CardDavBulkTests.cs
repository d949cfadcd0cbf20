using System.Diagnostics;
using Eas.Mail.Pim;
using Eas.Mail.Tests.Fixtures;
using Xunit.Abstractions;

namespace Eas.Mail.Tests.Pim;

/// <summary>An initial sync of a large address book: the figure for the note (items/s), not an assertion on speed.</summary>
public sealed class CardDavBulkTests(RadicaleFixture radicale, ITestOutputHelper output) : IClassFixture<RadicaleFixture>
{
    private const int Count = 5000;

    [Fact]
    public async Task RFC6578_3_4_and_RFC6352_8_7_a_full_listing_and_multiget_of_5000_vcards()
    {
        var (user, password) = radicale.NewUser("bulk");
        await radicale.Radicale.SeedAddressBookAsync(user, "contacts", "Contacts",
            Enumerable.Range(0, Count).Select(i => KeyValuePair.Create($"p{i:D5}", RadicaleFixture.VCard($"p{i:D5}", $"Person {i}"))));
        // Radicale parses every vCard of a collection written behind its back at its first report, and caches them: that
        // first reading is not the adapter's and is left out of the figure; it gets time on a busy machine.
        await using var store = radicale.Store(user, password, new() { RequestTimeout = TimeSpan.FromMinutes(3) });
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, CancellationToken.None)).ShouldHaveSingleItem().Id;

        var warm = Stopwatch.StartNew();
        await store.GetChangesAsync(book, null, CancellationToken.None);
        var warmUp = warm.Elapsed;

        var clock = Stopwatch.StartNew();
        var listing = await store.GetChangesAsync(book, null, CancellationToken.None);
        var listed = clock.Elapsed;
        var items = await store.GetAsync(book, [.. listing.Changed.Select(c => c.ItemId)], CancellationToken.None);
        var total = clock.Elapsed;

        listing.Changed.Count.ShouldBe(Count);
        items.Count.ShouldBe(Count);
        items.ShouldAllBe(i => i.Content.Contains("UID:" + i.ItemId));
        output.WriteLine(
            $"CardDAV initial sync of {Count} vCards from Radicale: listing {listed.TotalSeconds:0.00} s, multiget {(total - listed).TotalSeconds:0.00} s, " +
            $"{Count / total.TotalSeconds:0} items/s overall (after Radicale's first reading of the seeded files, {warmUp.TotalSeconds:0.0} s)");
    }
}
