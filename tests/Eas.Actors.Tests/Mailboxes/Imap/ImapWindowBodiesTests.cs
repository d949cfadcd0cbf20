using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap;
using MailKit;
using MailKit.Net.Imap;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>
/// A window's bodies in one <c>UID FETCH set (BODY.PEEK[])</c> against a real Dovecot: the commands are read from the
/// connection's protocol log, the bytes compared with the files in the maildir, and the mailbox changed (or the
/// connection dropped) between the flags' FETCH and the bodies' (on the session's reading thread, before it sends the
/// next command).
/// </summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapWindowBodiesTests(ImapDovecotFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly EmailContentRequest WholeMime = new(null, WantHtml: false, WantMime: true);

    [Fact]
    public async Task A_window_s_bodies_come_in_one_fetch_each_as_many_bytes_as_Dovecot_stores()
    {
        var account = fixture.NewAccount();
        var files = await SeedAsync(account, 12, largeAt: 5);
        var log = new ImapCommandLog();
        await using var session = await OpenLoggedAsync(account, log);
        var uids = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages.Select(m => m.Uid).OrderDescending().ToArray();
        var before = log.Commands.Count;

        var fetched = await session.FetchEmailsAsync("INBOX", uids, WholeMime, None);

        fetched.Select(f => f.Uid).ShouldBe(uids, "every message once, in the order asked");
        var sent = log.Commands.Skip(before).ToList();
        sent.Count.ShouldBe(2, string.Join("\n", sent));
        sent[0].ShouldContain("FLAGS INTERNALDATE");
        sent[1].ShouldEndWith("(BODY.PEEK[])");
        ImapSyncWindowTests.UidsIn(sent[1]).ShouldBe(uids.Length);
        foreach (var item in fetched)
        {
            var stored = await File.ReadAllBytesAsync(StoredFile(files[item.Item.Subject.ShouldNotBeNull()]));
            item.Item.Mime.ShouldNotBeNull().Data.ToArray().ShouldBe(stored, $"message {item.Item.Subject}");
        }

        fetched.Max(f => f.Item.Mime!.Size).ShouldBeGreaterThan(EmailReader.InMemoryLimit, "one message went through a temporary file");
    }

    [Fact]
    public async Task A_buffer_handed_over_as_the_mime_source_outlives_the_fetch_command()
    {
        var account = fixture.NewAccount();
        var files = await SeedAsync(account, 3, largeAt: 1);
        await using var session = await fixture.OpenSessionAsync(account);
        var uids = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages.Select(m => m.Uid).ToArray();

        var fetched = await session.FetchEmailsAsync("INBOX", uids, WholeMime with { MimePrefixBytes = 0 }, None);

        fetched.Count.ShouldBe(3);
        foreach (var item in fetched)
        {
            using var source = item.Item.Mime.ShouldNotBeNull().Source.ShouldNotBeNull();
            using var copy = new MemoryStream();
            await source.CopyToAsync(copy, None);
            copy.ToArray().ShouldBe(await File.ReadAllBytesAsync(StoredFile(files[item.Item.Subject.ShouldNotBeNull()])));
        }
    }

    [Fact]
    public async Task A_message_expunged_between_its_flags_and_its_body_is_left_out_and_the_others_are_served()
    {
        var account = fixture.NewAccount();
        await SeedAsync(account, 5);
        var log = new ImapCommandLog();
        await using var session = await OpenLoggedAsync(account, log);
        var uids = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages.Select(m => m.Uid).Order().ToArray();
        var expunged = 0;
        log.Completed = command =>
        {
            if (!IsFlagsFetch(command) || Interlocked.Exchange(ref expunged, 1) != 0) return;
            using var other = new ImapClient();
            other.Connect("127.0.0.1", fixture.Dovecot.ImapPort, MailKit.Security.SecureSocketOptions.None);
            other.Authenticate(account.Login, account.Password);
            other.Inbox.Open(FolderAccess.ReadWrite);
            other.Inbox.AddFlags(new UniqueId(uids[2]), MailKit.MessageFlags.Deleted, silent: true);
            other.Inbox.Expunge();
            other.Disconnect(quit: true);
        };

        var served = await session.FetchEmailsAsync("INBOX", uids, WholeMime, None);

        expunged.ShouldBe(1, "the mailbox changed between the two commands");
        served.Select(f => f.Uid).ShouldBe([uids[0], uids[1], uids[3], uids[4]]);
        var bodies = log.Commands.Where(c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal)).ToList();
        ImapSyncWindowTests.UidsIn(bodies.ShouldHaveSingleItem()).ShouldBe(5, "the expunged message was asked for in the one body fetch");
        session.IsUsable.ShouldBeTrue();
        log.Completed = null;
        (await session.FetchEmailsAsync("INBOX", [uids[4]], WholeMime, None)).ShouldHaveSingleItem().Uid.ShouldBe(uids[4]);
    }

    [Fact]
    public async Task A_message_whose_file_vanished_between_its_flags_and_its_body_is_left_out_and_the_others_are_served()
    {
        var account = fixture.NewAccount();
        var files = await SeedAsync(account, 5);
        var log = new ImapCommandLog();
        await using var session = await OpenLoggedAsync(account, log);
        var listed = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages.Select(m => m.Uid).Order().ToArray();
        var before = await session.FetchEmailsAsync("INBOX", listed, WholeMime, None);
        var victim = before.Single(f => f.Item.Subject == "Body 2");
        var removed = 0;
        log.Completed = command =>
        {
            if (!IsFlagsFetch(command) || Interlocked.Exchange(ref removed, 1) != 0) return;
            File.Delete(StoredFile(files["Body 2"]));
        };

        var served = await session.FetchEmailsAsync("INBOX", listed, WholeMime, None);

        removed.ShouldBe(1, "the file went between the two commands");
        served.Select(f => f.Uid).ShouldBe(listed.Where(uid => uid != victim.Uid));
        session.IsUsable.ShouldBeTrue();
    }

    [Fact]
    public async Task A_connection_dropped_between_the_flags_and_the_bodies_fails_the_window_retriably_and_a_new_session_serves_it()
    {
        var account = fixture.NewAccount();
        await SeedAsync(account, 5);
        var log = new ImapCommandLog();
        await using var session = await OpenLoggedAsync(account, log);
        var uids = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages.Select(m => m.Uid).Order().ToArray();
        var kicked = 0;
        log.Completed = command =>
        {
            if (!IsFlagsFetch(command) || Interlocked.Exchange(ref kicked, 1) != 0) return;
            // On the session's reading thread, before it sends the bodies' FETCH: Dovecot closes the connection.
            ImapMailSessionTests.KickAsync(fixture.Dovecot, account.Login).GetAwaiter().GetResult();
            GoneAsync(account.Login).GetAwaiter().GetResult();
        };

        await Should.ThrowAsync<MailStoreUnavailableException>(() => session.FetchEmailsAsync("INBOX", uids, WholeMime, None));

        kicked.ShouldBe(1, "the connection went between the two commands");
        log.Commands.Count(c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1);
        session.IsUsable.ShouldBeFalse("the mailbox actor opens a new session for the next piece of work");
        await using var next = await fixture.OpenSessionAsync(account);
        (await next.FetchEmailsAsync("INBOX", uids, WholeMime, None)).Select(f => f.Uid).ShouldBe(uids);
    }

    /// <summary>Waits until Dovecot has no IMAP process of <paramref name="user"/> left (<c>doveadm who</c>): its connection is closed.</summary>
    private async Task GoneAsync(string user)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var start = new System.Diagnostics.ProcessStartInfo("doveadm", ["-c", fixture.Dovecot.ConfigPath, "who", user]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (!output.Contains(user, StringComparison.OrdinalIgnoreCase)) return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"Dovecot still serves {user} after the kick.");
    }

    private static bool IsFlagsFetch(string command) => command.Contains("FLAGS INTERNALDATE", StringComparison.Ordinal) && !command.Contains("1:*", StringComparison.Ordinal);

    /// <summary>The message's file now: Dovecot moves it from new/ to cur/ and adds flags to its name after the first colon.</summary>
    private static string StoredFile(string delivered)
    {
        var unique = Path.GetFileName(delivered).Split(':')[0];
        var maildir = Path.GetDirectoryName(Path.GetDirectoryName(delivered))!;
        return Directory.EnumerateFiles(maildir, unique + "*", SearchOption.AllDirectories).Single();
    }

    /// <summary>Messages "Body 0" … written into the maildir, by subject; the one at <paramref name="largeAt"/> is 3 MiB, past <see cref="EmailReader.InMemoryLimit"/>.</summary>
    private async Task<Dictionary<string, string>> SeedAsync(MailCredentials account, int count, int largeAt = -1)
    {
        var files = new Dictionary<string, string>();
        for (var i = 0; i < count; i++)
        {
            var body = i == largeAt ? string.Join("\r\n", Enumerable.Repeat(new string('x', 1022), 3 * 1024)) : $"Hello {i}";
            var message = ImapDovecotFixture.Message($"Body {i}", body);
            files[$"Body {i}"] = await fixture.Dovecot.DeliverAsync(account.Login, Encoding.ASCII.GetBytes(message));
        }

        return files;
    }

    private async Task<IMailSession> OpenLoggedAsync(MailCredentials account, ImapCommandLog log)
    {
        var server = ImapDovecotFixture.ServerOf(fixture.Dovecot) with { ProtocolLog = () => log };
        return await new ImapMailSessionFactory(server).OpenAsync(account, None);
    }
}
