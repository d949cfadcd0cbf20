using System.Diagnostics;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Watching;
using Eas.Mail.Tests.Fixtures;
using Xunit.Abstractions;
using static Eas.Mail.Tests.Imap.ImapClientIdleTests;

namespace Eas.Mail.Tests.Imap.Watching;

[Collection(DovecotCollection.Name)]
public sealed class ImapChangeWatcherTests(DovecotFixture fixture, ITestOutputHelper output)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "watch");

    [Fact]
    public async Task With_notify_the_watcher_names_the_mailbox_that_changed()
    {
        await using var other = await _user.LoginAsync();
        await other.CreateAsync("Work");
        await other.ListAsync("*", ImapStatusItems.Standard);
        await using var client = await _user.LoginAsync();
        var watcher = new ImapChangeWatcher(client);
        await watcher.StartAsync();

        var quiet = await watcher.WaitForChangesAsync(TimeSpan.FromMilliseconds(700));
        var waiting = watcher.WaitForChangesAsync(Bound + Bound);
        await Task.Delay(Settle);
        await AppendAsync(other, "Work", "for work");
        var clock = Stopwatch.StartNew();
        var changed = await waiting;

        output.WriteLine($"The NOTIFY watcher reported Work after {clock.ElapsedMilliseconds} ms.");
        watcher.Mode.ShouldBe(ImapWatchMode.Notify);
        quiet.ShouldBeEmpty();
        changed.ShouldBe(["Work"]);
        clock.Elapsed.ShouldBeLessThan(Bound);
        (await client.StatusAsync("Work")).Messages.ShouldBe(1u);
        (await watcher.WaitForChangesAsync(TimeSpan.FromMilliseconds(300))).ShouldBeEmpty();
    }

    [Fact]
    public async Task With_notify_a_rename_names_the_old_and_the_new_mailbox()
    {
        await using var other = await _user.LoginAsync();
        await other.CreateAsync("Projects");
        await other.ListAsync("*", ImapStatusItems.Standard);
        await using var client = await _user.LoginAsync();
        var watcher = new ImapChangeWatcher(client);
        await watcher.StartAsync();
        await watcher.WaitForChangesAsync(TimeSpan.FromMilliseconds(700));

        var waiting = watcher.WaitForChangesAsync(Bound + Bound);
        await Task.Delay(Settle);
        await other.RenameAsync("Projects", "Done");
        var changed = await waiting;

        changed.ShouldBe(["Done", "Projects"]);
    }

    [Fact]
    public async Task With_notify_a_mailbox_the_client_has_selected_is_watched_too()
    {
        await using var other = await _user.LoginAsync();
        await other.CreateAsync("Work");
        await other.ListAsync("*", ImapStatusItems.Standard);
        await using var client = await _user.LoginAsync();
        var watcher = new ImapChangeWatcher(client);
        await watcher.StartAsync();
        await watcher.WaitForChangesAsync(TimeSpan.FromMilliseconds(700));
        await client.ExamineAsync("Work");

        var waiting = watcher.WaitForChangesAsync(Bound + Bound);
        await Task.Delay(Settle);
        await AppendAsync(other, "Work", "while selected");
        var changed = await waiting;

        changed.ShouldBe(["Work"]);
    }

    [Fact]
    public async Task Idle_inbox_mode_reports_inbox_only_and_leaves_other_mailboxes_to_polling()
    {
        await using var other = await _user.LoginAsync();
        await other.CreateAsync("Work");
        await using var client = await _user.LoginAsync();
        var watcher = new ImapChangeWatcher(client, ImapWatchMode.IdleInbox);
        await watcher.StartAsync();

        await AppendAsync(other, "Work", "not watched");
        var quiet = await watcher.WaitForChangesAsync(TimeSpan.FromSeconds(1.2));
        var waiting = watcher.WaitForChangesAsync(Bound + Bound);
        await Task.Delay(Settle);
        await AppendAsync(other, "INBOX", "watched");
        var clock = Stopwatch.StartNew();
        var changed = await waiting;

        output.WriteLine($"The IDLE watcher reported INBOX after {clock.ElapsedMilliseconds} ms.");
        watcher.Mode.ShouldBe(ImapWatchMode.IdleInbox);
        quiet.ShouldBeEmpty();
        changed.ShouldBe(["INBOX"]);
        clock.Elapsed.ShouldBeLessThan(Bound);
        client.Selected.ShouldNotBeNull().ReadOnly.ShouldBeTrue();
    }

    [Fact]
    public async Task A_cancelled_wait_ends_idle_cleanly_and_the_watcher_goes_on()
    {
        await using var other = await _user.LoginAsync();
        await using var client = await _user.LoginAsync();
        var watcher = new ImapChangeWatcher(client, ImapWatchMode.IdleInbox);
        await watcher.StartAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = watcher.WaitForChangesAsync(TimeSpan.FromMinutes(1), cancel.Token);
        await Task.Delay(Settle);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        await AppendAsync(other, "INBOX", "after the cancel");
        var changed = await watcher.WaitForChangesAsync(Bound + Bound);

        changed.ShouldBe(["INBOX"]);
        client.State.ShouldBe(ImapSessionState.Selected);
    }

    [Fact]
    public async Task Waiting_before_starting_is_a_mistake()
    {
        await using var client = await _user.LoginAsync();
        var watcher = new ImapChangeWatcher(client);

        await Should.ThrowAsync<InvalidOperationException>(() => watcher.WaitForChangesAsync(TimeSpan.FromSeconds(1)));
    }
}
