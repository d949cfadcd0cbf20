using System.Diagnostics;
using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Mail.Pim;
using MailKit;
using Xunit.Abstractions;

namespace Eas.Actors.Tests.Mailboxes.Imap.Pim;

/// <summary>Issue 15's figure: an initial sync of 5,000 contacts from the IMAP-folder store (items/s printed, not asserted).</summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapPimStoreScaleTests(ImapDovecotFixture fixture, ITestOutputHelper output)
{
    private const int Contacts = 5000;
    private const int Batch = 100;

    [Fact]
    public async Task Five_thousand_contacts_are_listed_in_full_and_read_in_batches_of_100()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = new ImapPimStore(session, ImapPimOptions.Default);
        await store.ListCollectionsAsync(PimKind.Contacts, CancellationToken.None);
        var ids = Enumerable.Range(1, Contacts).Select(i => $"contact-{i:D5}").ToList();
        using (var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account))
        {
            var folder = await other.GetFolderAsync("Contacts");
            foreach (var chunk in ids.Chunk(500))
            {
                IList<IAppendRequest> requests = [.. chunk.Select(id => (IAppendRequest)new AppendRequest(ImapPimStoreTests.ContactMessage(account.Login, id, ImapPimStoreTests.Vcard(id, $"Person {id}"))))];
                await folder.AppendAsync(requests);
            }
        }

        var clock = Stopwatch.StartNew();
        var listing = await store.GetChangesAsync("Contacts", null, CancellationToken.None);
        var listed = clock.Elapsed;
        var read = new List<PimObject>(Contacts);
        foreach (var batch in listing.Changed.Select(c => c.ItemId).Chunk(Batch))
            read.AddRange(await store.GetAsync("Contacts", batch, CancellationToken.None));
        var total = clock.Elapsed;

        listing.IsFullListing.ShouldBeTrue();
        listing.Changed.Select(c => c.ItemId).Order(StringComparer.Ordinal).ShouldBe(ids);
        read.Count.ShouldBe(Contacts);
        read.ShouldAllBe(o => o.Content.Contains("UID:" + o.ItemId, StringComparison.Ordinal));
        output.WriteLine($"Full listing of {Contacts} contacts: {listed.TotalMilliseconds:F0} ms ({Contacts / listed.TotalSeconds:F0} items/s)");
        output.WriteLine($"Listing + GetAsync in batches of {Batch}: {total.TotalMilliseconds:F0} ms ({Contacts / total.TotalSeconds:F0} items/s)");
    }
}
