using Eas.Actors.Devices;
using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap;
using Eas.Actors.Sync.Collections;
using MailKit;
using MessageFlags = Eas.Actors.Mailboxes.MessageFlags;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>
/// Sync windows (MS-ASCMD 2.2.3.199 WindowSize, 2.2.3.116 MoreAvailable) against a real Dovecot the way
/// <see cref="SyncCollectionRunner"/> runs them: take in the folder's changes (<see cref="CollectionRefresh"/>), cut the
/// window, fetch it, and start the prefetch of the next. The IMAP commands each window sends are read from the
/// connection's protocol log: after the first window none of them may touch every message of the folder.
/// </summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapSyncWindowTests(ImapDovecotFixture fixture)
{
    private const int WindowSize = 100;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Oldest = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MS_ASCMD_2_2_3_116_later_windows_of_a_large_folder_send_no_command_that_touches_every_message()
    {
        const int count = 2_000;
        var account = fixture.NewAccount();
        await SeedAsync(account, count);
        var log = new ImapCommandLog();
        await using var session = await OpenLoggedAsync(account, log);

        var windows = await SyncAllAsync(session, log);

        await using var reference = await fixture.OpenSessionAsync(account);
        var listing = await reference.ListMessagesAsync("INBOX", null, 0, 0, None);
        var newestFirst = listing.Messages.OrderByDescending(m => m.Received).ThenByDescending(m => m.Uid).Select(m => m.Uid).ToList();
        newestFirst.Count.ShouldBe(count);
        windows.SelectMany(w => w.Uids).ToList().ShouldBe(newestFirst, "each message once, newest first");
        windows.Count.ShouldBe(count / WindowSize);
        foreach (var later in windows.Skip(1))
        {
            later.Commands.ShouldNotContain(c => c.Contains(" SELECT ", StringComparison.Ordinal) || c.Contains("1:*", StringComparison.Ordinal), string.Join("\n", later.Commands));
            later.Commands.Count(c => c.Contains(" NOOP", StringComparison.Ordinal)).ShouldBe(1);
        }

        var bodies = log.Commands.Where(c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal)).ToList();
        bodies.Count.ShouldBe(count / WindowSize, "one body fetch per window: the prefetched windows are served, not fetched again");
        bodies.Sum(UidsIn).ShouldBe(count, "every body is fetched once");
        var flagReads = log.Commands.Where(c => c.Contains("UID FETCH", StringComparison.Ordinal) && c.Contains("FLAGS INTERNALDATE)", StringComparison.Ordinal) && !c.Contains("1:*", StringComparison.Ordinal)).ToList();
        flagReads.Count.ShouldBe(count / WindowSize, "the flags of each window are read once: the first window's by the window, every later one's by its prefetch, which an unchanged HIGHESTMODSEQ proves current");
    }

    [Fact]
    public async Task RFC_7162_a_prefetch_proven_current_by_the_listing_is_served_without_reading_the_flags_again()
    {
        var log = new ImapCommandLog();
        var (_, session, listing, uids, content) = await SecondWindowPrefetchedAsync(log);
        await using var opened = session;

        var delta = await session.ListMessagesAsync("INBOX", null, listing.HighestModSeq, listing.UidValidity, None);
        var before = log.Commands.Count;
        var served = await session.FetchEmailsAsync("INBOX", uids[5..], content, None);

        delta.HighestModSeq.ShouldBe(listing.HighestModSeq);
        served.Select(f => f.Uid).ShouldBe(uids[5..]);
        log.Commands.Skip(before).ShouldBeEmpty("the prefetch read the flags after a listing that read the HIGHESTMODSEQ this one read");
    }

    [Fact]
    public async Task A_command_between_the_listing_and_the_fetch_makes_the_window_read_the_flags_again()
    {
        var log = new ImapCommandLog();
        var (_, session, listing, uids, content) = await SecondWindowPrefetchedAsync(log);
        await using var opened = session;
        await session.ListMessagesAsync("INBOX", null, listing.HighestModSeq, listing.UidValidity, None);

        await session.SetFlagsAsync("INBOX", uids[5], MessageFlags.Seen, MessageFlags.None, None);
        var served = await session.FetchEmailsAsync("INBOX", uids[5..], content, None);

        served.Select(f => f.Uid).ShouldBe(uids[5..]);
        served[0].Flags.ShouldBe(MessageFlags.Seen, "the flags were read again after the STORE");
        served[0].Item.Read.ShouldBeTrue();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_116_a_prefetched_message_whose_flags_changed_or_that_was_expunged_is_not_served_as_prefetched()
    {
        var log = new ImapCommandLog();
        var (account, session, listing, uids, content) = await SecondWindowPrefetchedAsync(log);
        await using var opened = session;

        using (var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account))
        {
            await other.Inbox.OpenAsync(FolderAccess.ReadWrite);
            await other.Inbox.AddFlagsAsync(new UniqueId(uids[5]), MailKit.MessageFlags.Seen, silent: true);
            await other.Inbox.AddFlagsAsync(new UniqueId(uids[6]), MailKit.MessageFlags.Deleted, silent: true);
            await other.Inbox.ExpungeAsync();
        }

        var delta = await session.ListMessagesAsync("INBOX", null, listing.HighestModSeq, listing.UidValidity, None);
        var before = log.Commands.Count;
        var served = await session.FetchEmailsAsync("INBOX", uids[5..], content, None);

        delta.Vanished.ShouldBe([uids[6]]);
        served.Select(f => f.Uid).ShouldBe([uids[5], uids[7], uids[8], uids[9]]);
        served[0].Flags.ShouldBe(MessageFlags.Seen);
        served[0].Item.Read.ShouldBeTrue();
        var bodies = log.Commands.Skip(before).Where(c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal)).ToList();
        bodies.ShouldHaveSingleItem().ShouldContain($"UID FETCH {uids[5]} ", Case.Sensitive, "only the message whose flags changed is fetched again");
    }

    [Fact]
    public async Task A_prefetch_for_another_content_request_is_not_served()
    {
        var account = fixture.NewAccount();
        await SeedAsync(account, 4);
        var log = new ImapCommandLog();
        await using var session = await OpenLoggedAsync(account, log);
        var uids = (await session.ListMessagesAsync("INBOX", null, 0, 0, None)).Messages.Select(m => m.Uid).ToArray();
        session.PrefetchEmails("INBOX", uids, new EmailContentRequest(512, WantHtml: false, WantMime: false));

        var fetched = await session.FetchEmailsAsync("INBOX", uids, new EmailContentRequest(null, WantHtml: true, WantMime: false), None);

        fetched.Count.ShouldBe(4);
        log.Commands.Count(c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal)).ShouldBe(2, "four prefetched in one command, the four fetched again for the other request in another");
    }

    /// <summary>One window as the runner does it, with the prefetch of the next when more waits.</summary>
    private static async Task<(CollectionSyncState State, IReadOnlyList<FetchedEmail> Fetched, bool More)> WindowAsync(IMailSession session, CollectionSyncState state, int size)
    {
        var content = new EmailContentRequest(512, WantHtml: false, WantMime: false);
        state = CollectionSync.Confirm(state);
        state = (await CollectionRefresh.TakeInAsync(session, "INBOX", state, null, DateTimeOffset.UtcNow, None)).ShouldNotBeNull();
        (state, var plan, var more) = CollectionSync.NextWindow(state, size, forceNewKey: false);
        var fetched = await session.FetchEmailsAsync("INBOX", plan.Adds, content, None);
        state = state with { Sent = plan with { Adds = [.. fetched.Select(f => f.Uid)], AddedFlags = [.. fetched.Select(f => KeyValuePair.Create(f.Uid, f.Flags))] } };
        if (more) session.PrefetchEmails("INBOX", [.. state.PendingAdds.Take(size)], content);
        return (state, fetched, more);
    }

    private static async Task<List<(List<uint> Uids, List<string> Commands)>> SyncAllAsync(IMailSession session, ImapCommandLog log)
    {
        var windows = new List<(List<uint>, List<string>)>();
        var state = CollectionSync.Start("e", 0, 0);
        bool more;
        do
        {
            var before = log.Commands.Count;
            (state, var fetched, more) = await WindowAsync(session, state, WindowSize);
            windows.Add(([.. fetched.Select(f => f.Uid)], [.. log.Commands.Skip(before)]));
        }
        while (more);
        return windows;
    }

    /// <summary>Messages written straight into the maildir, each a minute newer than the one before (its INTERNALDATE).</summary>
    private async Task SeedAsync(MailCredentials account, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var path = await fixture.Dovecot.DeliverAsync(account.Login, ImapDovecotFixture.Message($"Window message {i}"));
            File.SetLastWriteTimeUtc(path, Oldest.AddMinutes(i).UtcDateTime);
        }
    }

    /// <summary>How many UIDs the set of a <c>UID FETCH set (…)</c> line names (RFC 3501 9: ranges as a:b).</summary>
    internal static int UidsIn(string command)
    {
        var set = command.Split(' ')[3];
        return set.Split(',').Sum(part => part.Split(':') is [var from, var to] ? (int)Math.Abs((long)uint.Parse(to) - uint.Parse(from)) + 1 : 1);
    }

    /// <summary>
    /// Ten messages in a fresh account, listed, the first window of five fetched and the second prefetched, as a sync
    /// does, on a session whose commands <paramref name="log"/> records.
    /// </summary>
    private async Task<(MailCredentials Account, IMailSession Session, FolderListing Listing, uint[] Uids, EmailContentRequest Content)> SecondWindowPrefetchedAsync(ImapCommandLog log)
    {
        var account = fixture.NewAccount();
        await SeedAsync(account, 10);
        var session = await OpenLoggedAsync(account, log);
        var content = new EmailContentRequest(512, WantHtml: false, WantMime: false);
        var listing = await session.ListMessagesAsync("INBOX", null, 0, 0, None);
        var uids = listing.Messages.Select(m => m.Uid).Order().ToArray();
        (await session.FetchEmailsAsync("INBOX", uids[..5], content, None)).Count.ShouldBe(5);
        session.PrefetchEmails("INBOX", uids[5..], content);
        return (account, session, listing, uids, content);
    }

    private async Task<IMailSession> OpenLoggedAsync(MailCredentials account, ImapCommandLog log)
    {
        var server = ImapDovecotFixture.ServerOf(fixture.Dovecot) with { ProtocolLog = () => log };
        return await new ImapMailSessionFactory(server).OpenAsync(account, None);
    }
}
