using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Mail.Pim;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace Eas.Actors.Tests.Mailboxes.Imap.Pim;

/// <summary>
/// The IMAP-folder PIM store (issue 15, "Where PIM data lives") against a real Dovecot: one message per contact,
/// Subject = the item id, version = UID (RFC 4315 UIDPLUS), changes by CONDSTORE/QRESYNC (RFC 7162), and what another
/// IMAP client does behind its back.
/// </summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapPimStoreTests(ImapDovecotFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Folder = "Contacts";

    [Fact]
    public async Task The_default_contacts_folder_is_created_once_and_is_the_default_collection()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = new ImapPimStore(session, ImapPimOptions.Default);

        var first = await store.ListCollectionsAsync(PimKind.Contacts, None);
        var second = await store.ListCollectionsAsync(PimKind.Contacts, None);

        first.ShouldBe([new PimCollection(Folder, PimKind.Contacts, Folder, null, IsDefault: true)]);
        second.ShouldBe(first);
        var folders = await session.ListFoldersAsync(None);
        folders.Count(f => f.Name == Folder).ShouldBe(1);
        folders.ShouldNotContain(f => f.Name == "Calendar", "a kind's folder is created only when that kind is listed");
        store.Kind.ShouldBe("imap");
    }

    [Fact]
    public async Task User_created_contact_folders_are_collections_under_the_default_with_their_IMAP_parent_as_ParentId()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = new ImapPimStore(session, ImapPimOptions.Default);
        await store.ListCollectionsAsync(PimKind.Contacts, None);

        var work = await store.CreateCollectionAsync(PimKind.Contacts, "Work", null, None);
        var team = await store.CreateCollectionAsync(PimKind.Contacts, "Team", work.Id, None);
        await store.RenameCollectionAsync(team.Id, "Crew", None);
        var listed = await store.ListCollectionsAsync(PimKind.Contacts, None);

        work.ShouldBe(new PimCollection("Contacts/Work", PimKind.Contacts, "Work", Folder, IsDefault: false));
        listed.ShouldBe(
        [
            new PimCollection(Folder, PimKind.Contacts, Folder, null, IsDefault: true),
            new PimCollection("Contacts/Work", PimKind.Contacts, "Work", Folder, IsDefault: false),
            new PimCollection("Contacts/Work/Crew", PimKind.Contacts, "Crew", "Contacts/Work", IsDefault: false),
        ]);
        await store.DeleteCollectionAsync("Contacts/Work/Crew", None);
        (await store.ListCollectionsAsync(PimKind.Contacts, None)).Count.ShouldBe(2);
        await Should.ThrowAsync<InvalidOperationException>(() => store.DeleteCollectionAsync(Folder, None));
    }

    [Fact]
    public async Task RFC_5464_folders_it_creates_are_marked_with_the_Kolab_folder_type_where_METADATA_is_advertised()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        var work = await store.CreateCollectionAsync(PimKind.Contacts, "Work", null, None);

        using var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account);
        other.Capabilities.HasFlag(ImapCapabilities.Metadata).ShouldBeTrue();
        var tag = new MetadataTag(ImapPimStore.FolderTypeEntry);
        (await (await other.GetFolderAsync(Folder)).GetMetadataAsync(tag)).ShouldBe("contact.default");
        (await (await other.GetFolderAsync(work.Id)).GetMetadataAsync(tag)).ShouldBe("contact");
    }

    [Fact]
    public async Task RFC_6154_without_METADATA_the_folders_are_created_unmarked_and_work_the_same()
    {
        var account = fixture.NewAccount();
        var factory = new Eas.Actors.Mailboxes.Imap.ImapMailSessionFactory(ImapDovecotFixture.ServerOf(fixture.DovecotWithoutNotify));
        await using var session = await factory.OpenAsync(account, None);
        var store = await StoreWithContactsAsync(session);

        var work = await store.CreateCollectionAsync(PimKind.Contacts, "Work", null, None);
        var created = await store.CreateAsync(work.Id, "p", Vcard("p", "P"), None);

        (await store.ListCollectionsAsync(PimKind.Contacts, None)).Count.ShouldBe(2);
        (await store.GetAsync(work.Id, ["p"], None)).ShouldBe([new PimObject("p", created.Version, Vcard("p", "P"))]);
    }

    [Fact]
    public async Task Create_get_update_delete_round_trip_keeps_the_vCard_text_as_given()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        var vcard = Vcard("anna-1", "Änna Øster — 電話");

        var created = await store.CreateAsync(Folder, "anna-1", vcard, None);
        var read = await store.GetAsync(Folder, ["anna-1", "nobody"], None);
        var changed = Vcard("anna-1", "Anna Oster");
        var updated = await store.UpdateAsync(Folder, "anna-1", changed, created.Version, None);
        var reread = await store.GetAsync(Folder, ["anna-1"], None);
        await store.DeleteAsync(Folder, "anna-1", updated.Version, None);
        await store.DeleteAsync(Folder, "anna-1", null, None);

        read.ShouldBe([new PimObject("anna-1", created.Version, vcard)]);
        updated.Version.ShouldNotBe(created.Version);
        reread.ShouldBe([new PimObject("anna-1", updated.Version, changed)]);
        (await store.GetAsync(Folder, ["anna-1"], None)).ShouldBeEmpty();
        (await store.GetChangesAsync(Folder, null, None)).Changed.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_stored_message_carries_the_id_as_Subject_the_account_and_one_text_vcard_body()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        await store.CreateAsync(Folder, "ben-2", Vcard("ben-2", "Ben"), None);

        using var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account);
        var folder = await other.GetFolderAsync(Folder);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var message = await folder.GetMessageAsync(0);

        message.Subject.ShouldBe("ben-2");
        message.From.Mailboxes.Single().Address.ShouldBe(account.Login);
        message.To.Mailboxes.Single().Address.ShouldBe(account.Login);
        message.Headers["X-Eas-Pim"].ShouldBe("contact");
        var body = message.Body.ShouldBeOfType<TextPart>();
        body.ContentType.MimeType.ShouldBe("text/vcard");
        body.ContentType.Charset.ShouldBe("utf-8");
        body.ContentTransferEncoding.ShouldBeOneOf(ContentEncoding.QuotedPrintable, ContentEncoding.Base64, ContentEncoding.SevenBit);
    }

    [Fact]
    public async Task RFC_7162_3_1_4_a_contact_appended_by_another_client_appears_in_the_CHANGEDSINCE_delta()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        await store.CreateAsync(Folder, "old-1", Vcard("old-1", "Old"), None);
        var start = await store.GetChangesAsync(Folder, null, None);

        var uid = await AppendByOtherClientAsync(account, Folder, "new-1", Vcard("new-1", "New"));
        var token = await store.GetTokenAsync(Folder, None);
        var delta = await store.GetChangesAsync(Folder, start.Token, None);
        var none = await store.GetChangesAsync(Folder, delta.Token, None);

        start.IsFullListing.ShouldBeTrue();
        token.ShouldNotBe(start.Token);
        delta.IsFullListing.ShouldBeFalse();
        delta.Changed.ShouldBe([new PimItemVersion("new-1", uid.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        delta.Token.ShouldBe(token);
        none.IsFullListing.ShouldBeFalse();
        none.Changed.ShouldBeEmpty();
        (await store.GetAsync(Folder, ["new-1"], None)).Single().Content.ShouldBe(Vcard("new-1", "New"));
    }

    [Fact]
    public async Task RFC_7162_3_2_6_a_delete_by_another_client_VANISHED_gives_a_full_listing_without_it()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        await store.CreateAsync(Folder, "keep", Vcard("keep", "Keep"), None);
        var gone = await store.CreateAsync(Folder, "gone", Vcard("gone", "Gone"), None);
        var start = await store.GetChangesAsync(Folder, null, None);

        using (var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account))
        {
            var folder = await other.GetFolderAsync(Folder);
            await folder.OpenAsync(FolderAccess.ReadWrite);
            var uid = new UniqueId(uint.Parse(gone.Version, System.Globalization.CultureInfo.InvariantCulture));
            await folder.AddFlagsAsync(uid, MailKit.MessageFlags.Deleted, silent: true);
            await folder.ExpungeAsync([uid]);
        }

        var changes = await store.GetChangesAsync(Folder, start.Token, None);

        changes.IsFullListing.ShouldBeTrue();
        changes.Changed.Select(c => c.ItemId).ShouldBe(["keep"]);
    }

    [Fact]
    public async Task A_token_of_another_UIDVALIDITY_or_no_token_gives_a_full_listing()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        await store.CreateAsync(Folder, "one", Vcard("one", "One"), None);
        var token = await store.GetTokenAsync(Folder, None);
        var modSeq = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];

        (await store.GetChangesAsync(Folder, $"1:{modSeq}", None)).IsFullListing.ShouldBeTrue();
        (await store.GetChangesAsync(Folder, "garbage", None)).IsFullListing.ShouldBeTrue();
        (await store.GetChangesAsync(Folder, token, None)).IsFullListing.ShouldBeFalse();
    }

    [Fact]
    public async Task An_interrupted_update_two_messages_with_one_Subject_resolves_to_the_newest_and_the_older_is_expunged()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        var older = await store.CreateAsync(Folder, "twice", Vcard("twice", "Before"), None);
        var newer = await AppendByOtherClientAsync(account, Folder, "twice", Vcard("twice", "After"));

        var listing = await store.GetChangesAsync(Folder, null, None);
        var read = await store.GetAsync(Folder, ["twice"], None);
        var again = await store.GetChangesAsync(Folder, null, None);

        listing.Changed.ShouldBe([new PimItemVersion("twice", newer.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        read.Single().Content.ShouldBe(Vcard("twice", "After"));
        again.Changed.ShouldBe(listing.Changed);
        var stamp = await session.StampAsync(Folder, None);
        stamp.Messages.ShouldBe(1u);
        older.Version.ShouldNotBe(listing.Changed[0].Version);
    }

    [Fact]
    public async Task RFC_7162_3_2_6_a_read_after_another_client_replaced_a_contact_returns_the_new_copy()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        var first = await store.CreateAsync(Folder, "r1", Vcard("r1", "First"), None);
        (await store.GetAsync(Folder, ["r1"], None)).Single().Content.ShouldBe(Vcard("r1", "First"));

        var replaced = await AppendByOtherClientAsync(account, Folder, "r1", Vcard("r1", "Replaced"));
        using (var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account))
        {
            var folder = await other.GetFolderAsync(Folder);
            await folder.OpenAsync(FolderAccess.ReadWrite);
            var old = new UniqueId(uint.Parse(first.Version, System.Globalization.CultureInfo.InvariantCulture));
            await folder.AddFlagsAsync(old, MailKit.MessageFlags.Deleted, silent: true);
            await folder.ExpungeAsync([old]);
        }

        var read = await store.GetAsync(Folder, ["r1"], None);

        read.ShouldBe([new PimObject("r1", replaced.ToString(System.Globalization.CultureInfo.InvariantCulture), Vcard("r1", "Replaced"))]);
    }

    [Fact]
    public async Task A_stale_version_update_or_delete_is_a_PimConflictException_and_changes_nothing()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        var first = await store.CreateAsync(Folder, "c1", Vcard("c1", "First"), None);
        var second = await store.UpdateAsync(Folder, "c1", Vcard("c1", "Second"), first.Version, None);

        var update = await Should.ThrowAsync<PimConflictException>(() => store.UpdateAsync(Folder, "c1", Vcard("c1", "Third"), first.Version, None));
        await Should.ThrowAsync<PimConflictException>(() => store.DeleteAsync(Folder, "c1", first.Version, None));
        await Should.ThrowAsync<PimConflictException>(() => store.UpdateAsync(Folder, "missing", Vcard("missing", "X"), "7", None));

        update.ItemId.ShouldBe("c1");
        (await store.GetAsync(Folder, ["c1"], None)).ShouldBe([new PimObject("c1", second.Version, Vcard("c1", "Second"))]);
    }

    [Fact]
    public async Task RFC_6851_move_between_two_contact_collections_keeps_the_id_and_takes_the_COPYUID_version()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        var work = await store.CreateCollectionAsync(PimKind.Contacts, "Work", null, None);
        await store.CreateAsync(Folder, "mover", Vcard("mover", "Mover"), None);
        var workStart = await store.GetChangesAsync(work.Id, null, None);

        var moved = await store.MoveAsync(Folder, "mover", work.Id, None);

        moved.ItemId.ShouldBe("mover");
        (await store.GetAsync(Folder, ["mover"], None)).ShouldBeEmpty();
        (await store.GetAsync(work.Id, ["mover"], None)).ShouldBe([new PimObject("mover", moved.Version, Vcard("mover", "Mover"))]);
        (await store.GetChangesAsync(work.Id, workStart.Token, None)).Changed.ShouldBe([moved]);
        (await store.GetChangesAsync(Folder, null, None)).Changed.ShouldBeEmpty();
        await Should.ThrowAsync<PimItemRejectedException>(() => store.MoveAsync(Folder, "mover", work.Id, None));
    }

    [Fact]
    public async Task Messages_without_a_vCard_or_a_Subject_in_the_folder_are_skipped_never_a_failure()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        await store.CreateAsync(Folder, "real", Vcard("real", "Real"), None);
        var start = await store.GetChangesAsync(Folder, null, None);
        using (var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account))
        {
            var folder = await other.GetFolderAsync(Folder);
            await folder.AppendAsync(MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(ImapDovecotFixture.Message("plain mail")))));
            await folder.AppendAsync(MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(ImapDovecotFixture.Message("note")))));
            var noSubject = ContactMessage(account.Login, "x", Vcard("x", "No subject"));
            noSubject.Headers.Remove(HeaderId.Subject);
            await folder.AppendAsync(noSubject);
        }

        var delta = await store.GetChangesAsync(Folder, start.Token, None);
        var full = await store.GetChangesAsync(Folder, null, None);
        var read = await store.GetAsync(Folder, ["real", "plain mail", "note"], None);

        delta.Changed.ShouldBeEmpty();
        full.Changed.Select(c => c.ItemId).ShouldBe(["real"]);
        read.Select(r => r.ItemId).ShouldBe(["real"]);
    }

    [Fact]
    public async Task A_session_that_is_gone_surfaces_as_PimStoreUnavailableException_with_the_cause_inside()
    {
        var account = fixture.NewAccount();
        var session = await fixture.OpenSessionAsync(account);
        var store = await StoreWithContactsAsync(session);
        await session.DisposeAsync();

        var failure = await Should.ThrowAsync<PimStoreUnavailableException>(() => store.GetChangesAsync(Folder, null, None));

        failure.InnerException.ShouldBeOfType<MailStoreUnavailableException>();
    }

    private static async Task<ImapPimStore> StoreWithContactsAsync(IMailSession session)
    {
        var store = new ImapPimStore(session, ImapPimOptions.Default);
        await store.ListCollectionsAsync(PimKind.Contacts, None);
        return store;
    }

    internal static string Vcard(string uid, string name) =>
        $"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:{uid}\r\nFN:{name}\r\nEND:VCARD\r\n";

    /// <summary>A contact message as another client (Kolab-like) would write it.</summary>
    internal static MimeMessage ContactMessage(string login, string itemId, string vcard)
    {
        var message = new MimeMessage { Subject = itemId, Date = DateTimeOffset.UtcNow };
        message.From.Add(new MailboxAddress(login, login));
        message.To.Add(new MailboxAddress(login, login));
        message.Headers.Add("X-Eas-Pim", "contact");
        var part = new TextPart("vcard");
        part.SetText(Encoding.UTF8, vcard);
        part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        message.Body = part;
        return message;
    }

    private async Task<uint> AppendByOtherClientAsync(MailCredentials account, string folderName, string itemId, string vcard)
    {
        using var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account);
        var folder = await other.GetFolderAsync(folderName);
        var uid = await folder.AppendAsync(ContactMessage(account.Login, itemId, vcard));
        await other.DisconnectAsync(true);
        return uid!.Value.Id;
    }
}
