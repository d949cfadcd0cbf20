using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Mail.Pim;
using MailKit;

namespace Eas.Actors.Tests.Mailboxes.Imap.Pim;

/// <summary>
/// A full listing of a contacts folder written by another client, read back in batches of 100 as the sync engine
/// does: every item once, each with its own vCard. The throughput over 5,000 contacts is a load-tool figure
/// (<c>eas-load contacts-bench --store imap</c>), not a test.
/// </summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapPimStoreBatchTests(ImapDovecotFixture fixture)
{
    private const int Contacts = 250;
    private const int Batch = 100;

    [Fact]
    public async Task A_full_listing_of_250_contacts_is_read_in_batches_of_100_each_item_once()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = new ImapPimStore(session, ImapPimOptions.Default);
        await store.ListCollectionsAsync(PimKind.Contacts, CancellationToken.None);
        var ids = Enumerable.Range(1, Contacts).Select(i => $"contact-{i:D5}").ToList();
        using (var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account))
        {
            var folder = await other.GetFolderAsync("Contacts");
            IList<IAppendRequest> requests = [.. ids.Select(id => (IAppendRequest)new AppendRequest(ImapPimStoreTests.ContactMessage(account.Login, id, ImapPimStoreTests.Vcard(id, $"Person {id}"))))];
            await folder.AppendAsync(requests);
        }

        var listing = await store.GetChangesAsync("Contacts", null, CancellationToken.None);
        var read = new List<PimObject>(Contacts);
        foreach (var batch in listing.Changed.Select(c => c.ItemId).Chunk(Batch))
            read.AddRange(await store.GetAsync("Contacts", batch, CancellationToken.None));

        listing.IsFullListing.ShouldBeTrue();
        listing.Changed.Select(c => c.ItemId).Order(StringComparer.Ordinal).ShouldBe(ids);
        read.Select(o => o.ItemId).Order(StringComparer.Ordinal).ShouldBe(ids);
        read.ShouldAllBe(o => o.Content.Contains("UID:" + o.ItemId, StringComparison.Ordinal));
    }
}
