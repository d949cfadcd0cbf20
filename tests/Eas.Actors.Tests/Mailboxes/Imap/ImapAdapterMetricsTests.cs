using System.Diagnostics.Metrics;
using Eas.Actors.Diagnostics;
using Eas.Actors.Mailboxes.Imap;
using Eas.Actors.Tests.Diagnostics;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>The adapters count their sessions and time each command they send, by verb (docs/Telemetry.md).</summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapAdapterMetricsTests(ImapDovecotFixture fixture)
{
    [Fact]
    public async Task A_session_is_counted_while_open_and_its_commands_are_timed_by_verb()
    {
        using var meter = new Meter("Eas.Server");
        using var log = new MeasurementLog(meter);
        var metrics = new ImapMetrics(meter);
        var account = fixture.NewAccount();
        var factory = new ImapMailSessionFactory(ImapDovecotFixture.ServerOf(fixture.Dovecot)) { Metrics = metrics };

        var session = await factory.OpenAsync(account, CancellationToken.None);
        await session.ListFoldersAsync(CancellationToken.None);
        await session.ListMessagesAsync("INBOX", null, 0, 0, CancellationToken.None);
        log.Observe();
        var open = log.Of("eas.imap.sessions").Single(s => Equals(s.Tags["purpose"], "mailbox")).Value;
        await session.DisposeAsync();
        log.Observe();

        open.ShouldBe(1);
        log.Of("eas.imap.sessions").Last(s => Equals(s.Tags["purpose"], "mailbox")).Value.ShouldBe(0);
        var verbs = log.Of("eas.imap.command.duration").Select(m => m.Tags["command"]).ToHashSet();
        verbs.ShouldBe(["connect", "authenticate", "list", "select"], ignoreOrder: true);
    }
}
