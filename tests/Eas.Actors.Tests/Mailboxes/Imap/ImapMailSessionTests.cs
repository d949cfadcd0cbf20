using System.Text;
using Eas.Actors.Mailboxes;
using MailKit;
using MailKit.Net.Imap;
using MessageFlags = Eas.Actors.Mailboxes.MessageFlags;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>The MailKit command session against a real Dovecot: what each port operation sends and what it reads back.</summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapMailSessionTests(ImapDovecotFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Folders_are_listed_with_their_special_use_and_uidvalidity()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);

        var folders = await session.ListFoldersAsync(None);

        folders.Single(f => f.Name == "INBOX").Use.ShouldBe(FolderUse.Inbox);
        folders.Single(f => f.Name == "Sent").Use.ShouldBe(FolderUse.Sent);
        folders.Single(f => f.Name == "Trash").Use.ShouldBe(FolderUse.Trash);
        folders.Single(f => f.Name == "Drafts").Use.ShouldBe(FolderUse.Drafts);
        folders.ShouldAllBe(f => f.UidValidity != 0 && f.Delimiter == '/');
    }

    [Fact]
    public async Task A_listing_since_a_date_leaves_older_messages_out()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var old = await fixture.Dovecot.DeliverAsync(account.Login, ImapDovecotFixture.Message("Old"));
        File.SetLastWriteTimeUtc(old, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await fixture.Dovecot.DeliverAsync(account.Login, ImapDovecotFixture.Message("New"), seen: true);

        var all = await session.ListMessagesAsync("INBOX", null, 0, 0, None);
        var recent = await session.ListMessagesAsync("INBOX", DateTimeOffset.UtcNow.AddDays(-3), 0, 0, None);

        all.Messages.Length.ShouldBe(2);
        all.IsDelta.ShouldBeFalse();
        recent.Messages.ShouldHaveSingleItem().Flags.ShouldBe(MessageFlags.Seen);
    }

    [Fact]
    public async Task A_qresync_delta_holds_the_changed_messages_and_the_vanished_uids()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        for (var i = 1; i <= 3; i++) await AppendAsync(session, "INBOX", $"Message {i}", MessageFlags.None);
        var before = await session.ListMessagesAsync("INBOX", null, 0, 0, None);
        var uids = before.Messages.Select(m => m.Uid).Order().ToArray();

        using (var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account))
        {
            await other.Inbox.OpenAsync(FolderAccess.ReadWrite);
            await other.Inbox.AddFlagsAsync(new UniqueId(uids[0]), MailKit.MessageFlags.Flagged, silent: true);
            await other.Inbox.AddFlagsAsync(new UniqueId(uids[2]), MailKit.MessageFlags.Deleted, silent: true);
            await other.Inbox.ExpungeAsync();
        }

        var delta = await session.ListMessagesAsync("INBOX", null, before.HighestModSeq, before.UidValidity, None);

        delta.IsDelta.ShouldBeTrue();
        delta.Messages.ShouldHaveSingleItem().ShouldSatisfyAllConditions(m => m.Uid.ShouldBe(uids[0]), m => m.Flags.ShouldBe(MessageFlags.Flagged));
        delta.Vanished.ShouldBe([uids[2]]);
        delta.HighestModSeq.ShouldBeGreaterThan(before.HighestModSeq);
    }

    [Fact]
    public async Task A_changed_uidvalidity_gives_a_full_listing()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        await AppendAsync(session, "INBOX", "One", MessageFlags.None);
        var before = await session.ListMessagesAsync("INBOX", null, 0, 0, None);

        var listing = await session.ListMessagesAsync("INBOX", null, before.HighestModSeq, before.UidValidity + 1, None);

        listing.IsDelta.ShouldBeFalse();
        listing.Messages.Length.ShouldBe(1);
    }

    [Fact]
    public async Task Flags_are_added_and_removed_including_the_forwarded_keyword()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        await AppendAsync(session, "INBOX", "Flags", MessageFlags.Seen);
        var uid = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages[0].Uid;

        await session.SetFlagsAsync("INBOX", uid, MessageFlags.Flagged | MessageFlags.Forwarded, MessageFlags.Seen, None);

        (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages[0].Flags.ShouldBe(MessageFlags.Flagged | MessageFlags.Forwarded);
    }

    [Fact]
    public async Task An_appended_message_keeps_its_flags_and_is_read_back_whole()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);

        await AppendAsync(session, "Drafts", "A draft", MessageFlags.Draft | MessageFlags.Seen);

        var listed = (await session.ListMessagesAsync("Drafts", null, 0, 0, None)).Messages.ShouldHaveSingleItem();
        listed.Flags.ShouldBe(MessageFlags.Draft | MessageFlags.Seen);
        var fetched = (await session.FetchEmailsAsync("Drafts", [listed.Uid, listed.Uid + 40], new EmailContentRequest(null, false, false), None)).ShouldHaveSingleItem();
        fetched.Item.Subject.ShouldBe("A draft");
        fetched.Flags.ShouldBe(MessageFlags.Draft | MessageFlags.Seen);
    }

    [Fact]
    public async Task A_move_reports_the_new_uids_and_an_expunge_removes_for_good()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        for (var i = 1; i <= 3; i++) await AppendAsync(session, "INBOX", $"Move {i}", MessageFlags.None);
        var uids = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages.Select(m => m.Uid).Order().ToArray();

        var moved = await session.MoveAsync("INBOX", [uids[0], uids[1]], "Trash", None);
        await session.ExpungeAsync("INBOX", [uids[2]], None);

        var inTrash = (await session.ListMessagesAsync("Trash", null, 0, 0, None)).Messages.Select(m => m.Uid).Order().ToArray();
        moved.Keys.Order().ShouldBe([uids[0], uids[1]]);
        moved.Values.Order().ShouldBe(inTrash);
        (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Threading_headers_are_listed_for_every_message()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var reply = "From: \"Bob B\" <bob@example.com>\r\nSubject: Re: Plans\r\nMessage-ID: <r1@example.com>\r\nIn-Reply-To: <p1@example.com>\r\n" +
            "References: <p0@example.com>\r\n <p1@example.com>\r\nDate: Mon, 2 Nov 2026 09:30:00 +0100\r\n\r\nYes\r\n";
        await AppendRawAsync(session, "INBOX", reply, MessageFlags.None);

        var (_, headers) = (await session.ListHeadersAsync("INBOX", None)).ShouldHaveSingleItem();

        headers.MessageId.ShouldBe("r1@example.com");
        headers.InReplyTo.ShouldBe("p1@example.com");
        headers.References.ShouldBe(["p0@example.com", "p1@example.com"]);
        headers.Subject.ShouldBe("Re: Plans");
        headers.From.ShouldHaveSingleItem().ShouldBe(new Eas.Actors.Sync.Email.EmailAddress("Bob B", "bob@example.com"));
        headers.DateSent.ShouldBe(new DateTime(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Folders_are_created_renamed_with_their_uidvalidity_and_deleted()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);

        await session.CreateFolderAsync("Work", None);
        await session.CreateFolderAsync("Work/Plans", None);
        var created = (await session.ListFoldersAsync(None)).Single(f => f.Name == "Work/Plans");
        await AppendAsync(session, "Work/Plans", "Selected before the rename", MessageFlags.None);
        await session.ListMessagesAsync("Work/Plans", null, 0, 0, None);
        await session.RenameFolderAsync("Work/Plans", "Projects", None);
        var renamed = (await session.ListFoldersAsync(None)).Single(f => f.Name == "Projects");
        await session.DeleteFolderAsync("Work", None);

        renamed.UidValidity.ShouldBe(created.UidValidity);
        (await session.ListMessagesAsync("Projects", null, 0, 0, None)).Messages.Length.ShouldBe(1);
        (await session.ListFoldersAsync(None)).Select(f => f.Name).ShouldNotContain("Work");
    }

    [Fact]
    public async Task A_part_is_copied_decoded_or_a_byte_range_of_it_with_its_full_decoded_size()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var content = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        var message = "From: a@example.com\r\nSubject: Attachment\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nSee attached\r\n--b\r\nContent-Type: application/octet-stream; name=data.bin\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks) + "\r\n--b--\r\n";
        await AppendRawAsync(session, "INBOX", message, MessageFlags.None);
        var uid = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages[0].Uid;

        using var whole = new MemoryStream();
        var wholeSize = await session.CopyPartAsync("INBOX", uid, "2", whole, null, None);
        using var range = new MemoryStream();
        var rangeSize = await session.CopyPartAsync("INBOX", uid, "2", range, (1000, 50), None);
        using var raw = new MemoryStream();
        var rawSize = await session.CopyPartAsync("INBOX", uid, "", raw, null, None);

        whole.ToArray().ShouldBe(content);
        wholeSize.ShouldBe(content.Length);
        range.ToArray().ShouldBe(content[1000..1050]);
        rangeSize.ShouldBe(content.Length);
        rawSize.ShouldBe(raw.Length);
        Encoding.ASCII.GetString(raw.ToArray()).ShouldContain("Content-Transfer-Encoding: base64");
        await Should.ThrowAsync<FileNotFoundException>(() => session.CopyPartAsync("INBOX", uid + 9, "2", new MemoryStream(), null, None));
    }

    [Fact]
    public async Task A_stamp_changes_when_a_message_arrives()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);
        var before = await session.StampAsync("INBOX", None);

        await fixture.Dovecot.DeliverAsync(account.Login, ImapDovecotFixture.Message("Arrived"));
        var after = await session.StampAsync("INBOX", None);

        after.UidValidity.ShouldBe(before.UidValidity);
        after.Messages.ShouldBe(before.Messages + 1);
        after.UidNext.ShouldBeGreaterThan(before.UidNext);
    }

    [Fact]
    public async Task A_refused_command_leaves_the_session_usable_and_a_dropped_connection_does_not()
    {
        var account = fixture.NewAccount();
        await using var session = await fixture.OpenSessionAsync(account);

        await Should.ThrowAsync<ImapCommandException>(() => session.RenameFolderAsync("Sent", "Trash", None));
        await Should.ThrowAsync<FolderNotFoundException>(() => session.ListMessagesAsync("No such folder", null, 0, 0, None));
        session.IsUsable.ShouldBeTrue();
        await session.ListMessagesAsync("INBOX", null, 0, 0, None);

        await KickAsync(fixture.Dovecot, account.Login);
        await Should.ThrowAsync<MailStoreUnavailableException>(() => session.ListMessagesAsync("INBOX", null, 0, 0, None));
        session.IsUsable.ShouldBeFalse();
    }

    internal static async Task KickAsync(Eas.Mail.LocalDovecot.DovecotInstance dovecot, string user)
    {
        var start = new System.Diagnostics.ProcessStartInfo("doveadm", ["-c", dovecot.ConfigPath, "kick", user]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
    }

    private static Task AppendAsync(IMailSession session, string folder, string subject, MessageFlags flags) =>
        AppendRawAsync(session, folder, ImapDovecotFixture.Message(subject), flags);

    private static async Task AppendRawAsync(IMailSession session, string folder, string message, MessageFlags flags)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        using var stream = new MemoryStream(bytes);
        await session.AppendAsync(folder, stream, bytes.Length, flags, None);
    }
}
