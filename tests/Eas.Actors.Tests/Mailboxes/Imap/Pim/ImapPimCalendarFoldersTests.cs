using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Mail.Pim;
using MailKit;
using MimeKit;

namespace Eas.Actors.Tests.Mailboxes.Imap.Pim;

/// <summary>
/// The IMAP-folder store's Calendar, Tasks and Notes folders (issue 16) against a real Dovecot: created when missing,
/// marked with Kolab's folder type (RFC 5464 METADATA), one message per item with one <c>text/calendar</c> part
/// (RFC 5545 8.1) holding the content as given, subfolders as user collections.
/// </summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapPimCalendarFoldersTests(ImapDovecotFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Event =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:ev-1\r\nDTSTAMP:20261207T010000Z\r\n"
        + "DTSTART:20261209T100000Z\r\nDTEND:20261209T110000Z\r\nSUMMARY:Réunion — 会議\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Theory]
    [InlineData(PimKind.Calendar, "Calendar", "event")]
    [InlineData(PimKind.Tasks, "Tasks", "task")]
    [InlineData(PimKind.Notes, "Notes", "note")]
    public async Task RFC_5464_each_kind_has_its_default_folder_created_once_and_marked_with_its_Kolab_type(PimKind kind, string folder, string kolabType)
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = new ImapPimStore(session, ImapPimOptions.Default);

        var first = await store.ListCollectionsAsync(kind, None);
        var second = await store.ListCollectionsAsync(kind, None);
        var child = await store.CreateCollectionAsync(kind, "Team", null, None);

        first.ShouldBe([new PimCollection(folder, kind, folder, null, IsDefault: true)]);
        second.ShouldBe(first);
        child.ShouldBe(new PimCollection($"{folder}/Team", kind, "Team", folder, IsDefault: false));
        (await store.ListCollectionsAsync(kind, None)).Count.ShouldBe(2);
        (await store.ListCollectionsAsync(PimKind.Contacts, None)).ShouldBe([new PimCollection("Contacts", PimKind.Contacts, "Contacts", null, IsDefault: true)]);
        using var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account);
        var tag = new MetadataTag(ImapPimStore.FolderTypeEntry);
        (await (await other.GetFolderAsync(folder)).GetMetadataAsync(tag)).ShouldBe(kolabType + ".default");
        (await (await other.GetFolderAsync(child.Id)).GetMetadataAsync(tag)).ShouldBe(kolabType);
        await Should.ThrowAsync<InvalidOperationException>(() => store.DeleteCollectionAsync(folder, None));
        await Should.ThrowAsync<InvalidOperationException>(() => store.RenameCollectionAsync(folder, "Other", None));
    }

    [Fact]
    public async Task RFC_5545_8_1_an_event_is_one_message_with_one_text_calendar_part_holding_the_content_as_given()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = new ImapPimStore(session, ImapPimOptions.Default);
        await store.ListCollectionsAsync(PimKind.Calendar, None);

        var created = await store.CreateAsync("Calendar", "ev-1", Event, None);
        var changes = await store.GetChangesAsync("Calendar", null, None);
        var read = await store.GetAsync("Calendar", ["ev-1"], None);

        changes.Changed.ShouldBe([new PimItemVersion("ev-1", created.Version)]);
        read.ShouldBe([new PimObject("ev-1", created.Version, Event)]);
        using var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account);
        var box = await other.GetFolderAsync("Calendar");
        await box.OpenAsync(FolderAccess.ReadOnly);
        var message = await box.GetMessageAsync(0);
        message.Subject.ShouldBe("ev-1");
        message.Headers["X-Eas-Pim"].ShouldBe("event");
        var part = message.Body.ShouldBeOfType<TextPart>();
        part.ContentType.MimeType.ShouldBe("text/calendar");
        part.ContentType.Charset.ShouldBe("utf-8");
    }

    [Fact]
    public async Task A_task_update_and_a_note_move_stay_within_their_kind()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var store = new ImapPimStore(session, ImapPimOptions.Default);
        await store.ListCollectionsAsync(PimKind.Tasks, None);
        await store.ListCollectionsAsync(PimKind.Notes, None);
        var archive = await store.CreateCollectionAsync(PimKind.Notes, "Archive", null, None);
        var todo = Event.Replace("VEVENT", "VTODO", StringComparison.Ordinal).Replace("ev-1", "t-1", StringComparison.Ordinal);
        var journal = Event.Replace("VEVENT", "VJOURNAL", StringComparison.Ordinal).Replace("ev-1", "n-1", StringComparison.Ordinal);

        var task = await store.CreateAsync("Tasks", "t-1", todo, None);
        var done = todo.Replace("SUMMARY:", "STATUS:COMPLETED\r\nSUMMARY:", StringComparison.Ordinal);
        var updated = await store.UpdateAsync("Tasks", "t-1", done, task.Version, None);
        await store.CreateAsync("Notes", "n-1", journal, None);
        await store.MoveAsync("Notes", "n-1", archive.Id, None);

        (await store.GetAsync("Tasks", ["t-1"], None)).ShouldBe([new PimObject("t-1", updated.Version, done)]);
        (await store.GetAsync(archive.Id, ["n-1"], None)).Single().Content.ShouldBe(journal);
        (await store.GetChangesAsync("Notes", null, None)).Changed.ShouldBeEmpty();
    }
}
