using System.Globalization;
using Eas.Load.Bench;
using Eas.Load.Measuring;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// Prints a push bench: devices, errors and pushes; push latency; with several nodes the share of asks that crossed
/// nodes; servers (summed, and each node), Dovecot and tool at each moment; Dovecot right after parking, once the
/// command sessions have closed and through the hold (<see cref="PushDovecotReport"/>); RSS per parked Ping from the summed RSS;
/// descriptors against limits; the connection cap (refusals, the servers at the end, the peak of descriptors); setup
/// latencies; log findings; the goals; and a one-line summary meant to be pasted into an issue. With several nodes the
/// RSS goal holds for each server process.
/// </summary>
internal static class PushReport
{
    public const double GoalP99Ms = 1_000;
    public const long GoalRssKib = 1024 * 1024;

    public static void Print(PushOutcome outcome, MachineInfo machine, IReadOnlyList<LogScan> logs)
    {
        PrintTotals(outcome);
        FailoverReport.Print(outcome);
        PrintSnapshots(outcome);
        PrintNodes(outcome);
        PushDovecotReport.Print(outcome);
        PrintDescriptors(outcome);
        PrintCapacity(outcome);
        PrintLatencies(outcome.SetupLatencies);
        foreach (var log in logs) PrintLog(log);
        PrintGoals(outcome);
        AnsiConsole.WriteLine("Machine: " + machine.Describe() + $"; fs.inotify.max_user_instances {InotifyLimit.Read()?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
        AnsiConsole.WriteLine();
        // Written past Spectre, which would wrap it at the console's width: it is one line to paste.
        AnsiConsole.Profile.Out.Writer.WriteLine(Summary(outcome));
    }

    /// <summary>
    /// With a node killed, the failover's verdict (<see cref="FailoverVerdict"/>). Otherwise zero errors, every device parked through the hold (or, under a lowered descriptor limit, refused with 503 before
    /// it parked, with the server healthy at the end), every push made, p99 and peak server RSS within the goals.
    /// </summary>
    public static bool Passed(PushOutcome outcome) => outcome.Failover is not null ? FailoverVerdict.Passed(outcome) :
        outcome.StopReason is null && outcome.Errors == 0 && outcome.DeliveriesFailed == 0 && outcome.Pushes.Missing == 0
        && EveryDeviceParkedOrRefused(outcome) && ServerAliveAtCap(outcome)
        && outcome.PushLatency.Count > 0 && outcome.PushLatency.P99 < GoalP99Ms && PeakRssKib(outcome) <= GoalRssKib;

    /// <summary>
    /// Every device offered parked and stayed parked; refusals over the cap only when the run lowered the servers'
    /// descriptor limit, and then only before a device parked.
    /// </summary>
    private static bool EveryDeviceParkedOrRefused(PushOutcome o) =>
        (o.Capacity?.CapExpected == true || o.Refused == 0) && o.Capacity?.RefusedAfterParking is null or 0
        && o.ParkedAfterSetup + o.Refused == o.Devices && o.ParkedAtEnd == o.ParkedAfterSetup;

    /// <summary>After refusals, /healthz still answered ok at the end of the hold.</summary>
    private static bool ServerAliveAtCap(PushOutcome o) => o.Refused == 0 || o.Capacity?.AtEnd.Healthy == true;

    public static string Summary(PushOutcome o)
    {
        var push = o.PushLatency;
        return string.Create(CultureInfo.InvariantCulture,
            $"push bench: nodes {o.Nodes}; {FailoverReport.Summary(o)}{o.ParkedAfterSetup}/{o.Devices} Pings parked over {o.Accounts} accounts, held {o.HoldElapsed.TotalSeconds:0} s; {CapSummary(o)}errors {o.SetupErrors} setup + {o.HoldErrors} hold; " +
            $"Status 1 re-parks {o.Reparks}; {o.Delivered} deliveries -> {push.Count} pushes, missing {o.Pushes.Missing}; " +
            $"push latency p50 {push.P50:0} ms p90 {push.P90:0} ms p99 {push.P99:0} ms max {push.Max:0} ms; " +
            $"server RSS {Mib(o.Snapshot("before setup")?.Server.RssKib)} -> {Mib(o.Snapshot("after setup")?.Server.RssKib)} -> {Mib(o.Snapshot("end of hold")?.Server.RssKib)} MiB " +
            $"({(o.Nodes > 1 ? $"summed over {o.Nodes} nodes, peak of one node" : "peak")} {Mib(PeakRssKib(o))}), {PerPingKib(o)} KiB per parked Ping, {MarginalPerPingKib(o)} KiB per added one; {PushDovecotReport.Summary(o)}; " +
            $"server threads {o.Snapshot("end of hold")?.Server.Threads}; crossed {Percent(o.SetupRouted?.CrossedShare)} setup, {Percent(o.HoldRouted?.CrossedShare)} hold; {(Passed(o) ? "passed" : "FAILED")}");
    }

    private static void PrintTotals(PushOutcome o)
    {
        var push = o.PushLatency;
        var table = new Table().Title("Push bench").AddColumns("", "");
        table.AddRow("devices", $"{o.Devices:N0} over {o.Accounts:N0} accounts; set up {o.DevicesSetUp:N0}, failed {o.SetupFailed}, refused {o.Refused:N0} (503 over the connection cap)");
        table.AddRow("parked", $"{o.ParkedAfterSetup:N0} after setup, {o.ParkedAtEnd:N0} at the end of the hold");
        table.AddRow("setup", string.Create(CultureInfo.InvariantCulture, $"{o.SetupElapsed.TotalSeconds:0.0} s ({o.DevicesSetUp / Math.Max(0.001, o.SetupElapsed.TotalSeconds):0} devices/s)"));
        table.AddRow("hold", string.Create(CultureInfo.InvariantCulture, $"{o.HoldElapsed.TotalSeconds:0.0} s (the hold, then up to 15 s for pushes still owed)"));
        table.AddRow("errors", $"{o.SetupErrors} while setting up, {o.HoldErrors} while holding");
        table.AddRow("Status 1 re-parks", $"{o.Reparks}");
        table.AddRow("Status 2 answers", $"{o.Changes:N0} ({o.Pushes.Unexplained} with no delivery owed); items synced after them {o.SyncedItems:N0}");
        table.AddRow("deliveries", $"{o.Delivered} of {o.DeliveriesPlanned} appended, {o.DeliveriesFailed} failed{(o.FirstDeliveryFailure is { } f ? ": " + Markup.Escape(f) : "")}");
        table.AddRow("pushes", $"{push.Count:N0} (device, delivery) pairs pushed; {o.Pushes.Missing} never pushed ({o.Pushes.MissingByCause}); " +
            $"{o.Pushes.SeenBySync} fetched by a Sync first ({o.Pushes.SeenBySyncBeforeAppendDone} by a Sync begun before the APPEND's OK arrived); {o.Pushes.Duplicates} synced twice");
        table.AddRow("push latency (ms)", string.Create(CultureInfo.InvariantCulture,
            $"p50 {push.P50:0} p90 {push.P90:0} p99 {push.P99:0} max {push.Max:0} mean {push.Mean:0} (APPEND completed to Ping answered)"));
        if (o.Nodes > 1)
        {
            table.AddRow("nodes", $"{o.Nodes} server processes in one cluster, one PostgreSQL journal; each request to a node drawn at random");
            table.AddRow("asks that crossed nodes", $"setup {Crossed(o.SetupRouted)}; hold {Crossed(o.HoldRouted)} (remote asks / requests sent)");
            table.AddRow("routed messages that crossed", $"setup {Routed(o.SetupRouted)}; hold {Routed(o.HoldRouted)} (eas_actor_routed_total, remote / (local + remote))");
        }

        if (o.StopReason is { } reason) table.AddRow("stopped", Markup.Escape(reason));
        AnsiConsole.Write(table);
        if (o.Nodes > 1)
        {
            AnsiConsole.WriteLine($"A request's ask crosses nodes when its node does not host the account: 1 - 1/{o.Nodes} of them by chance. " +
                "The routed messages also count each device's asks of its mailbox and gate, which never leave the node.");
        }

        foreach (var (message, count) in o.ErrorMessages) AnsiConsole.MarkupLineInterpolated($"[red]error x{count}:[/] {message}");
        foreach (var missing in o.Pushes.MissingByCause.Named) AnsiConsole.MarkupLineInterpolated($"[yellow]missing:[/] {missing}");
    }

    private static void PrintSnapshots(PushOutcome o)
    {
        var table = new Table().Title(o.Nodes > 1 ? $"Processes (server figures summed over the {o.Nodes} nodes)" : "Processes").AddColumns(
            "moment", "s", "server RSS MiB", "GC heap MiB", "GC committed MiB", "threads", "open fds", "CPU s", "IMAP conns", "Dovecot procs", "Dovecot RSS sum MiB", "Dovecot PSS MiB", "Dovecot->server conns", "tool RSS MiB", "tool fds");
        foreach (var s in o.Snapshots)
        {
            table.AddRow(s.Moment, Num(s.At.TotalSeconds, "0"), Mib(s.Server.RssKib), Mib(s.Heap?.HeapKib), Mib(s.Heap?.CommittedKib), Int(s.Server.Threads), Int(s.Server.OpenFiles), Num(s.Server.Cpu?.TotalSeconds, "0.0"),
                Int(s.ImapConnections), Int(s.Dovecot?.Processes), Mib(s.Dovecot?.RssKib), Mib(s.Dovecot?.PssKib), Int(s.WebhookConnections), Mib(s.Tool.RssKib), Int(s.Tool.OpenFiles));
        }

        AnsiConsole.Write(table);
        var summed = o.Nodes > 1 ? $", summed over the {o.Nodes} nodes" : "";
        AnsiConsole.WriteLine($"Server RSS per parked Ping: {PerPingKib(o)} KiB ((after setup - before setup) / parked Pings{summed}; includes each device's actor and sync state)");
        AnsiConsole.WriteLine($"Server RSS per added parked Ping: {MarginalPerPingKib(o)} KiB ((after setup - half parked) / Pings parked in between{summed}; leaves out what the first requests cost once: JIT, pools, caches)");
        AnsiConsole.WriteLine($"Server managed heap per parked Ping: {PerPingKib(o, "after setup", s => s.Heap?.HeapKib)} KiB after setup, {PerPingKib(o, PushRun.IdleMoment, s => s.Heap?.HeapKib)} KiB once sessions are idle (GC heap after its last collection, less before setup, / parked Pings{summed})");
        AnsiConsole.WriteLine($"Server RSS per parked Ping once sessions are idle: {PerPingKib(o, PushRun.IdleMoment, s => s.Server.RssKib)} KiB ((sessions idle - before setup) / parked Pings{summed}: the steady state of phones that only wait)");
        for (var node = 0; node < o.ServerRss.Count; node++)
        {
            var rss = o.ServerRss[node];
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(o.Nodes > 1 ? $"Node {node + 1}" : "Server")} RSS every second: min {Mib(rss.MinKib)}, max {Mib(rss.MaxKib)} MiB; series (s:MiB) ") +
                string.Join("  ", rss.Thinned(16).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At.TotalSeconds:0}:{s.Kib / 1024.0:0}"))));
        }
    }

    /// <summary>Each server of a cluster at each moment; nothing when there is one server.</summary>
    private static void PrintNodes(PushOutcome o)
    {
        if (o.Nodes == 1) return;
        var table = new Table().Title("Server nodes").AddColumns("moment", "node", "pid", "RSS MiB", "threads", "open fds", "CPU s");
        foreach (var s in o.Snapshots)
        {
            for (var node = 0; node < s.Nodes.Count; node++)
            {
                var n = s.Nodes[node];
                table.AddRow(node == 0 ? s.Moment : "", $"{node + 1}", $"{n.ProcessId}", Mib(n.RssKib), Int(n.Threads), Int(n.OpenFiles), Num(n.Cpu?.TotalSeconds, "0.0"));
            }
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Each server needs a descriptor per parked Ping and two per account it hosts; with several nodes, its share of both.</summary>
    private static void PrintDescriptors(PushOutcome o)
    {
        if (o.Snapshot("after setup") is not { } after) return;
        var devices = (o.Devices + o.Nodes - 1) / o.Nodes;
        var accounts = (o.Accounts + o.Nodes - 1) / o.Nodes;
        var needed = devices + 2 * accounts;
        var server = after.Server;
        var fits = server.FileLimit is { } limit ? (needed < limit ? "fits" : "does NOT fit") : "unknown";
        var open = o.Nodes > 1 ? $"servers {string.Join(" + ", after.Nodes.Select(n => Int(n.OpenFiles)))} open after setup, smallest limit" : $"server {Int(server.OpenFiles)} open after setup, limit";
        var share = o.Nodes > 1 ? $"per node about 1/{o.Nodes}: " : "";
        AnsiConsole.WriteLine(
            $"Descriptors: {open} {Limit(server.FileLimit)} (hard {Limit(server.FileLimitHard)}); " +
            $"{share}{devices:N0} connections + 2 x {accounts:N0} IMAP sessions = {needed:N0}: {fits}. " +
            $"Tool {Int(after.Tool.OpenFiles)} open, limit {Limit(after.Tool.FileLimit)}.");
    }

    /// <summary>
    /// The connection cap: offered devices parked, refused (by when) and failed; the servers' cap figures from /metrics
    /// before setup, after setup and at the end of the hold; /healthz at the end; the pushes that reached parked Pings
    /// after the refusals; the peak of one server's descriptors and what they were.
    /// </summary>
    private static void PrintCapacity(PushOutcome o)
    {
        if (o.Capacity is not { } c) return;
        var cap = c.BeforeSetup;
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Connection cap: {Fig(cap.Cap)} (descriptor limit {Fig(cap.DescriptorLimit)}{(c.ServerNofile is { } n ? $", --server-nofile {n:N0}" : "")}); offered {o.Devices:N0}: " +
            $"parked {o.ParkedAfterSetup:N0}, refused {o.Refused:N0} with 503 ({c.RefusedInSetup:N0} on a setup request, {c.RefusedAtFirstPing:N0} on their first Ping), " +
            $"errors {o.Errors}; refused after parking {c.RefusedAfterParking}"));
        foreach (var (moment, f) in new[] { ("before setup", c.BeforeSetup), ("after setup", c.AfterSetup), ("end of hold", c.AtEnd) })
        {
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  /metrics {moment}: open {Fig(f.Open)} of cap {Fig(f.Cap)}, refused total {Fig(f.Refused)}, descriptors {Fig(f.Descriptors)} of {Fig(f.DescriptorLimit)}, " +
                $"IMAP sessions {Fig(f.MailboxSessions)} mailbox + {Fig(f.WatcherSessions)} watcher; /healthz {(f.Healthy ? "ok" : "NOT ok")}"));
        }

        AnsiConsole.WriteLine($"Server alive after the refusals: /healthz {(c.AtEnd.Healthy ? "ok" : "NOT ok")} at the end of the hold; {o.PushLatency.Count:N0} pushes reached parked Pings during the hold, {o.Pushes.Missing} missing");
        if (c.PeakDescriptors is { } peak)
        {
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Server descriptors at most {peak.Total:N0} of {Fig(cap.DescriptorLimit)} (counted every second): {peak.Sockets:N0} sockets, {peak.Files:N0} files, {peak.Pipes:N0} pipes, {peak.Anonymous:N0} anonymous inodes"));
        }
    }

    private static string CapSummary(PushOutcome o) =>
        o.Capacity is { } c && (c.CapExpected || o.Refused > 0)
            ? string.Create(CultureInfo.InvariantCulture, $"cap {Fig(c.BeforeSetup.Cap)} of descriptor limit {Fig(c.BeforeSetup.DescriptorLimit)}, refused {o.Refused} with 503, healthz at the end {(c.AtEnd.Healthy ? "ok" : "NOT ok")}, descriptors max {Int(c.PeakDescriptors?.Total)}; ")
            : "";

    private static string Fig(double? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";

    private static void PrintLatencies(IReadOnlyList<LatencySummary> latencies)
    {
        var table = new Table().Title("Setup and sync request latency (ms)").AddColumns("command", "count", "p50", "p90", "p99", "max");
        foreach (var l in latencies) table.AddRow(l.Command, Int(l.Count), Num(l.P50, "0"), Num(l.P90, "0"), Num(l.P99, "0"), Num(l.Max, "0"));
        AnsiConsole.Write(table);
    }

    private static void PrintLog(LogScan log)
    {
        AnsiConsole.WriteLine($"{log.Name} log {log.Path}: {log.Errors} errors, {log.Warnings} warnings");
        foreach (var (line, count) in log.Problems) AnsiConsole.WriteLine($"  x{count}: {line}");
    }

    private static void PrintGoals(PushOutcome o)
    {
        var peak = PeakRssKib(o);
        Goal($"zero errors (setup and hold)", o.Errors == 0, $"{o.Errors}");
        Goal(o.Nodes > 1 ? "RSS of every server at most 1 GiB" : "server RSS at most 1 GiB", peak <= GoalRssKib, $"peak {Mib(peak)} MiB");
        Goal("push p99 under 1 s from APPEND", o.PushLatency.Count > 0 && o.PushLatency.P99 < GoalP99Ms, string.Create(CultureInfo.InvariantCulture, $"{o.PushLatency.P99:0} ms over {o.PushLatency.Count} pushes"));
        if (o.Capacity?.CapExpected == true)
        {
            Goal("every device parked through the hold or refused with 503 before it parked, every push made", EveryDeviceParkedOrRefused(o) && o.Pushes.Missing == 0,
                $"{o.ParkedAfterSetup}/{o.ParkedAtEnd} parked + {o.Refused} refused of {o.Devices}, {o.Capacity.RefusedAfterParking} refused after parking, {o.Pushes.Missing} missing");
            Goal("server alive at the cap (/healthz ok at the end)", o.Capacity.AtEnd.Healthy, o.Capacity.AtEnd.Healthy ? "ok" : "no answer or not ok");
        }
        else
        {
            Goal("every device parked through the hold, every push made", EveryDeviceParkedOrRefused(o) && o.Pushes.Missing == 0,
                $"{o.ParkedAfterSetup}/{o.ParkedAtEnd} of {o.Devices} parked, {o.Refused} refused, {o.Pushes.Missing} missing");
        }
    }

    private static void Goal(string name, bool met, string figure) =>
        AnsiConsole.MarkupLineInterpolated($"Goal {name}: {(met ? "met" : "NOT met")} ({figure})");

    /// <summary>The highest RSS one server process reached: of its series and of the snapshots.</summary>
    private static long PeakRssKib(PushOutcome o) =>
        Math.Max(o.ServerRss.Select(rss => rss.MaxKib).DefaultIfEmpty(0).Max(), o.Snapshots.SelectMany(s => s.Nodes).Max(n => n.RssKib ?? 0));

    private static string PerPingKib(PushOutcome o) => Num(PerPing(o), "0.0");

    /// <summary>(figure at <paramref name="moment"/> - figure before setup) / Pings parked then, in KiB; "?" where either is missing.</summary>
    private static string PerPingKib(PushOutcome o, string moment, Func<PushSnapshot, long?> figure) =>
        o.Snapshot("before setup") is { } before && figure(before) is { } from && o.Snapshot(moment) is { } at && figure(at) is { } to && (at.Parked ?? o.ParkedAfterSetup) is > 0 and var parked
            ? ((to - from) / (double)parked).ToString("0.0", CultureInfo.InvariantCulture)
            : "?";

    private static double? PerPing(PushOutcome o) =>
        o.Snapshot("before setup")?.Server.RssKib is { } before && o.Snapshot("after setup")?.Server.RssKib is { } after && o.ParkedAfterSetup > 0
            ? (after - before) / (double)o.ParkedAfterSetup
            : null;

    /// <summary>The floor beside the server: bare Kestrel's RSS per held request, and how many times that a parked Ping costs.</summary>
    public static void PrintFloor(PushOutcome o, Floor.FloorFigures floor)
    {
        var ratio = PerPing(o) is { } perPing && floor.PerRequestKib > 0 ? perPing / floor.PerRequestKib : (double?)null;
        AnsiConsole.WriteLine($"Floor (bare Kestrel, {floor.Held:N0} requests held, RSS {Mib(floor.BeforeKib)} -> {Mib(floor.AfterKib)} MiB): {Num(floor.PerRequestKib, "0.0")} KiB per held request");
        AnsiConsole.Profile.Out.Writer.WriteLine($"RSS per parked Ping {PerPingKib(o)} KiB, floor {Num(floor.PerRequestKib, "0.0")} KiB, ratio {Num(ratio, "0.00")}");
    }

    private static string MarginalPerPingKib(PushOutcome o) =>
        o.Snapshot("half parked") is { Server.RssKib: { } half, Parked: { } halfParked } && o.Snapshot("after setup") is { Server.RssKib: { } after, Parked: { } parked } && parked > halfParked
            ? ((after - half) / (double)(parked - halfParked)).ToString("0.0", CultureInfo.InvariantCulture)
            : "?";

    private static string Percent(double? share) => share is { } value ? (100 * value).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "?";

    private static string Crossed(RoutedAsks? routed) =>
        routed is null ? "? (a node's /metrics did not answer)" : $"{Percent(routed.CrossedShare)} ({routed.Remote:N0} of {routed.Requests:N0})";

    private static string Routed(RoutedAsks? routed) =>
        routed is null ? "?" : $"{Percent(routed.RoutedShare)} ({routed.Remote:N0} of {routed.Local + routed.Remote:N0})";

    internal static string Mib(long? kib) => kib is { } value ? (value / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) : "?";

    internal static string Int(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";

    private static string Num(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "?";

    private static string Limit(long? value) => value switch { null => "?", long.MaxValue => "unlimited", { } v => v.ToString("N0", CultureInfo.InvariantCulture) };
}
