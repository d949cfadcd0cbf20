using System.Globalization;
using Spectre.Console;
using static Eas.Load.Push.PushReport;

namespace Eas.Load.Push;

/// <summary>
/// Dovecot in a push bench's report (issue 19: its memory with thousands of parked Pings): its processes, PSS and
/// connections right after the phones parked (the command sessions of their setup still open), once the servers'
/// command sessions had closed while the Pings stayed parked (the steady state of accounts whose phones only wait), and
/// through the hold, sampled every 5 s (mail arriving, the webhook mode's safety net opening sessions again); and the
/// connections Dovecot's processes keep to the servers (the push webhook's clients, one per imap or lmtp process that
/// has posted), which the servers count under their connection cap while they are open.
/// </summary>
internal static class PushDovecotReport
{
    private const string AfterSetup = "after setup";
    private const string EndOfHold = "end of hold";

    public static void Print(PushOutcome o)
    {
        if (o.Snapshot(AfterSetup) is not { } after) return;
        AnsiConsole.WriteLine($"Dovecot right after parking: {Describe(after)}");
        if (o.SessionIdle is { } wait)
        {
            var closed = wait.State == IdleWaitState.Closed
                ? $"the servers' command sessions all closed after {wait.Waited.TotalSeconds:0} s"
                : $"NOT all closed after {wait.Waited.TotalSeconds:0} s: {Figure(wait.MailboxSessionsLeft)} mailbox sessions left";
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Dovecot with the sessions idle (idle time {wait.IdleSeconds} s from {wait.Source}; {closed}; {wait.Parked:N0} Pings parked): {(o.Snapshot(PushRun.IdleMoment) is { } idle ? Describe(idle) : "?")}"));
        }
        else
        {
            AnsiConsole.WriteLine("Dovecot with the sessions idle: not measured (--skip-idle-wait)");
        }

        if (o.Snapshot(EndOfHold) is { } end) AnsiConsole.WriteLine($"Dovecot at the end of the hold: {Describe(end)}");
        var hold = Hold(o);
        if (hold.Count > 0)
        {
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Dovecot every {DovecotSampler.Interval.TotalSeconds:0} s through the hold: processes {hold.Min(s => s.Memory.Processes):N0}-{hold.Max(s => s.Memory.Processes):N0}, " +
                $"PSS {Mib(hold.Min(s => s.Memory.PssKib))}-{Mib(hold.Max(s => s.Memory.PssKib))} MiB, connections to the servers {Int(hold.Min(s => s.WebhookConnections))}-{Int(hold.Max(s => s.WebhookConnections))}; " +
                $"series (s:processes/PSS MiB) ") +
                string.Join("  ", Thinned(hold, 16).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At.TotalSeconds:0}:{s.Memory.Processes}/{s.Memory.PssKib / 1024.0:0}"))));
        }

        if (o.Capacity is { } c && o.Snapshot(EndOfHold) is { } last)
        {
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Connections the servers count under their cap (eas_connections_open): {Figure(c.AfterSetup.Open)} after setup with {o.ParkedAfterSetup:N0} Pings parked, " +
                $"{Figure(c.AtEnd.Open)} at the end of the hold with {o.ParkedAtEnd:N0}; Dovecot held {Int(after.WebhookConnections)} and {Int(last.WebhookConnections)} connections to them then " +
                $"(its push webhook's clients, kept alive while their imap or lmtp process lives; each reading adds its own connection)."));
        }
    }

    /// <summary>Dovecot's PSS and processes after setup, with the sessions idle and at the end of the hold, and its most during the hold.</summary>
    public static string Summary(PushOutcome o)
    {
        var hold = Hold(o);
        var max = hold.Count > 0 ? $", at most {Mib(hold.Max(s => s.Memory.PssKib))} MiB and {hold.Max(s => s.Memory.Processes):N0} processes in the hold" : "";
        return $"Dovecot PSS {Mib(o.Snapshot(AfterSetup)?.Dovecot?.PssKib)} -> {Mib(o.Snapshot(PushRun.IdleMoment)?.Dovecot?.PssKib)} -> {Mib(o.Snapshot(EndOfHold)?.Dovecot?.PssKib)} MiB, " +
            $"processes {Int(o.Snapshot(AfterSetup)?.Dovecot?.Processes)} -> {Int(o.Snapshot(PushRun.IdleMoment)?.Dovecot?.Processes)} -> {Int(o.Snapshot(EndOfHold)?.Dovecot?.Processes)} " +
            $"(after setup, sessions idle, end of hold{max})";
    }

    /// <summary>The samples from the start of the hold (after the idle wait, else after setup) to its end.</summary>
    private static List<DovecotSample> Hold(PushOutcome o)
    {
        if ((o.Snapshot(PushRun.IdleMoment) ?? o.Snapshot(AfterSetup)) is not { } start || o.Snapshot(EndOfHold) is not { } end) return [];
        return [.. o.Dovecot.Where(s => s.At >= start.At && s.At <= end.At)];
    }

    private static string Describe(PushSnapshot s) =>
        $"{Int(s.Dovecot?.Processes)} processes, PSS {Mib(s.Dovecot?.PssKib)} MiB (RSS sum {Mib(s.Dovecot?.RssKib)} MiB), {Int(s.ImapConnections)} IMAP connections, " +
        $"{Int(s.WebhookConnections)} connections to the servers";

    private static IEnumerable<DovecotSample> Thinned(List<DovecotSample> samples, int points)
    {
        var step = Math.Max(1, samples.Count / points);
        return samples.Where((_, i) => i % step == 0 || i == samples.Count - 1);
    }

    private static string Figure(double? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";
}
