using System.Diagnostics;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Watching;
using Eas.Mail.Tests.Fixtures;
using Xunit.Abstractions;
using static Eas.Mail.Tests.Imap.ImapClientIdleTests;

namespace Eas.Mail.Tests.Imap;

/// <summary>NOTIFY against Dovecot: changes in mailboxes that are not selected, reported during IDLE and between commands.</summary>
[Collection(DovecotCollection.Name)]
public sealed class ImapClientNotifyTests(DovecotFixture fixture, ITestOutputHelper output)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "notify");

    [Fact]
    public async Task Notify_reports_an_append_to_a_mailbox_that_is_not_selected()
    {
        await using var other = await PrepareAsync("Work");
        await using var watcher = await _user.LoginAsync();

        var baseline = await watcher.NotifySetAsync(ImapNotifySpec.PersonalMailboxes());
        var idle = watcher.IdleAsync(IsStatusOf("Work"), Bound + Bound);
        await Task.Delay(Settle);
        await AppendAsync(other, "Work", "for work");
        var clock = Stopwatch.StartNew();
        var result = await idle;

        output.WriteLine($"NOTIFY reported the APPEND to Work after {clock.ElapsedMilliseconds} ms.");
        baseline["Work"].Messages.ShouldBe(0u);
        baseline["Work"].UidValidity.ShouldNotBeNull();
        baseline.Keys.ShouldContain("INBOX");
        result.StopReason.ShouldBe(ImapIdleStopReason.EventMatched);
        var work = result.Events.OfType<ImapMailboxStatusChanged>().Last(change => change.Mailbox == "Work");
        work.Status.Messages.ShouldBe(1u);
        work.Status.UidNext.ShouldBe(2u);
        baseline["Work"].Apply(work.Status).UidValidity.ShouldBe(baseline["Work"].UidValidity);
        clock.Elapsed.ShouldBeLessThan(Bound);
        watcher.State.ShouldBe(ImapSessionState.Authenticated);
    }

    [Fact]
    public async Task Notify_reports_creating_and_renaming_mailboxes_with_their_decoded_names()
    {
        await using var other = await PrepareAsync();
        await using var watcher = await _user.LoginAsync();
        await watcher.NotifySetAsync(ImapNotifySpec.PersonalMailboxes());

        var created = watcher.IdleAsync(IsListOf("Entwürfe"), Bound + Bound);
        await Task.Delay(Settle);
        await other.CreateAsync("Entwürfe");
        var createClock = Stopwatch.StartNew();
        var creation = await created;
        createClock.Stop();
        var renamed = watcher.IdleAsync(IsListOf("Vorlagen"), Bound + Bound);
        await Task.Delay(Settle);
        await other.RenameAsync("Entwürfe", "Vorlagen");
        var renameClock = Stopwatch.StartNew();
        var rename = await renamed;

        output.WriteLine($"NOTIFY reported CREATE after {createClock.ElapsedMilliseconds} ms and RENAME after {renameClock.ElapsedMilliseconds} ms.");
        var newMailbox = creation.Events.OfType<ImapMailboxListChanged>().Last();
        newMailbox.IsDeleted.ShouldBeFalse();
        newMailbox.IsRenamed.ShouldBeFalse();
        var move = rename.Events.OfType<ImapMailboxListChanged>().Single(change => change.Mailbox == "Vorlagen");
        move.OldName.ShouldBe("Entwürfe");
        createClock.Elapsed.ShouldBeLessThan(Bound);
        renameClock.Elapsed.ShouldBeLessThan(Bound);
    }

    [Fact]
    public async Task Notifications_sent_between_commands_are_queued_and_idle_returns_them_at_once()
    {
        await using var other = await PrepareAsync("Work");
        await using var watcher = await _user.LoginAsync();
        await watcher.NotifySetAsync(ImapNotifySpec.PersonalMailboxes());

        await AppendAsync(other, "Work", "while not idling");
        var waited = Stopwatch.StartNew();
        while (watcher.PendingMailboxEvents == 0 && waited.Elapsed < Bound)
        {
            await Task.Delay(Settle);
            await watcher.NoopAsync();
        }

        watcher.PendingMailboxEvents.ShouldBeGreaterThan(0);
        var clock = Stopwatch.StartNew();
        var result = await watcher.IdleAsync(IsStatusOf("Work"), TimeSpan.FromMinutes(1));

        result.StopReason.ShouldBe(ImapIdleStopReason.EventMatched);
        result.Events.ShouldContain(change => IsStatusOf("Work")(change));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(100));
        watcher.PendingMailboxEvents.ShouldBe(0);
    }

    [Fact]
    public async Task Notify_none_turns_notifications_off()
    {
        await using var other = await PrepareAsync("Work");
        await using var watcher = await _user.LoginAsync();
        await watcher.NotifySetAsync(ImapNotifySpec.PersonalMailboxes());

        await watcher.NotifyNoneAsync();
        watcher.TakeMailboxEvents();
        await AppendAsync(other, "Work", "unheard");
        var result = await watcher.IdleAsync(null, TimeSpan.FromSeconds(1.2));

        watcher.ActiveNotification.ShouldBeNull();
        result.StopReason.ShouldBe(ImapIdleStopReason.MaxDuration);
        result.Events.ShouldBeEmpty();
    }

    /// <summary>
    /// A second session that has created <paramref name="mailboxes"/> and listed the account with HIGHESTMODSEQ,
    /// so that Dovecot has made the special-use folders and turned on mod-sequences before the test's NOTIFY
    /// starts; it reports both as changes otherwise.
    /// </summary>
    private async Task<ImapClient> PrepareAsync(params string[] mailboxes)
    {
        var other = await _user.LoginAsync();
        foreach (var mailbox in mailboxes) await other.CreateAsync(mailbox);
        await other.ListAsync("*", ImapStatusItems.Standard);
        return other;
    }

    private static Func<ImapMailboxEvent, bool> IsStatusOf(string mailbox) =>
        change => change is ImapMailboxStatusChanged { Status.Messages: > 0 } && change.Mailbox == mailbox;

    private static Func<ImapMailboxEvent, bool> IsListOf(string mailbox) =>
        change => change is ImapMailboxListChanged && change.Mailbox == mailbox;
}
