using System.Diagnostics;
using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Messages;
using Eas.Mail.Imap.Watching;
using Eas.Mail.Tests.Fixtures;
using Xunit.Abstractions;

namespace Eas.Mail.Tests.Imap;

/// <summary>IDLE against Dovecot, with a second session making the changes.</summary>
[Collection(DovecotCollection.Name)]
public sealed class ImapClientIdleTests(DovecotFixture fixture, ITestOutputHelper output)
{
    /// <summary>Dovecot reports after about 0.5 s; anything past this bound is a failure, not slowness.</summary>
    internal static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Time for IDLE to reach the server before the other session acts, so that latency is measured from the change.</summary>
    internal static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "idle");

    [Fact]
    public async Task Idle_returns_on_a_message_appended_by_another_session()
    {
        await using var watcher = await _user.LoginAsync();
        await using var other = await _user.LoginAsync();
        await watcher.SelectAsync("INBOX");

        var idle = watcher.IdleAsync(change => change is ImapMessageCountChanged, Bound + Bound);
        await Task.Delay(Settle);
        await AppendAsync(other, "INBOX", "new mail");
        var clock = Stopwatch.StartNew();
        var result = await idle;
        clock.Stop();

        output.WriteLine($"IDLE reported the APPEND after {clock.ElapsedMilliseconds} ms.");
        result.StopReason.ShouldBe(ImapIdleStopReason.EventMatched);
        result.Events.OfType<ImapMessageCountChanged>().ShouldHaveSingleItem().Exists.ShouldBe(1u);
        clock.Elapsed.ShouldBeLessThan(Bound);
        watcher.State.ShouldBe(ImapSessionState.Selected);
    }

    [Fact]
    public async Task Idle_returns_on_an_expunge_by_another_session()
    {
        await _user.DeliverAsync(TestMessages.Plain("doomed"));
        await using var watcher = await _user.LoginAsync();
        await using var other = await _user.LoginAsync();
        await watcher.SelectAsync("INBOX");
        await other.SelectAsync("INBOX");

        var idle = watcher.IdleAsync(change => change is ImapMessageExpunged, Bound + Bound);
        await Task.Delay(Settle);
        await other.StoreFlagsAsync(UidSet.Single(1), ImapFlagChange.Add, [@"\Deleted"]);
        await other.ExpungeAsync();
        var clock = Stopwatch.StartNew();
        var result = await idle;

        output.WriteLine($"IDLE reported the EXPUNGE after {clock.ElapsedMilliseconds} ms.");
        result.StopReason.ShouldBe(ImapIdleStopReason.EventMatched);
        result.Events.OfType<ImapMessageExpunged>().ShouldHaveSingleItem().SequenceNumber.ShouldBe(1u);
        clock.Elapsed.ShouldBeLessThan(Bound);
    }

    [Fact]
    public async Task Idle_returns_on_a_flag_change_by_another_session()
    {
        await _user.DeliverAsync(TestMessages.Plain("to flag"));
        await using var watcher = await _user.LoginAsync();
        await using var other = await _user.LoginAsync();
        await watcher.SelectAsync("INBOX");
        await other.SelectAsync("INBOX");

        var idle = watcher.IdleAsync(null, Bound + Bound);
        await Task.Delay(Settle);
        await other.StoreFlagsAsync(UidSet.Single(1), ImapFlagChange.Add, [@"\Flagged"]);
        var clock = Stopwatch.StartNew();
        var result = await idle;

        output.WriteLine($"IDLE reported the flag change after {clock.ElapsedMilliseconds} ms.");
        result.StopReason.ShouldBe(ImapIdleStopReason.EventMatched);
        result.Events.ShouldHaveSingleItem().ShouldBeOfType<ImapMessageChanged>().Message.HasFlag(@"\Flagged").ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(Bound);
    }

    [Fact]
    public async Task Idle_without_changes_returns_empty_after_its_maximum_and_the_session_goes_on()
    {
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        var clock = Stopwatch.StartNew();

        var result = await client.IdleAsync(null, TimeSpan.FromMilliseconds(400));

        clock.Stop();
        result.StopReason.ShouldBe(ImapIdleStopReason.MaxDuration);
        result.Events.ShouldBeEmpty();
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390));
        clock.Elapsed.ShouldBeLessThan(Bound);
        await client.NoopAsync();
        (await client.StatusAsync("Sent")).Messages.ShouldBe(0u);
        client.State.ShouldBe(ImapSessionState.Selected);
    }

    [Fact]
    public async Task Cancelling_idle_ends_it_cleanly()
    {
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var result = await client.IdleAsync(null, TimeSpan.FromMinutes(5), cancel.Token);

        result.StopReason.ShouldBe(ImapIdleStopReason.Cancelled);
        result.Events.ShouldBeEmpty();
        clock.Elapsed.ShouldBeLessThan(Bound);
        await client.NoopAsync();
        client.State.ShouldBe(ImapSessionState.Selected);
        (await client.IdleAsync(null, TimeSpan.FromMinutes(1), cancel.Token)).StopReason.ShouldBe(ImapIdleStopReason.Cancelled);
    }

    [Fact]
    public async Task Idle_checks_its_arguments_and_state()
    {
        await using var client = await _user.LoginAsync();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.IdleAsync(null, TimeSpan.Zero));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.IdleAsync(null, TimeSpan.FromMinutes(30)));
        await using var fresh = new ImapClient(fixture.Dovecot.Endpoint(ImapSecurity.None));
        await Should.ThrowAsync<InvalidOperationException>(() => fresh.IdleAsync(null, TimeSpan.FromSeconds(1)));
    }

    internal static Task AppendAsync(ImapClient client, string mailbox, string subject) =>
        client.AppendAsync(mailbox, new MemoryStream(Encoding.UTF8.GetBytes(TestMessages.Plain(subject))));
}
