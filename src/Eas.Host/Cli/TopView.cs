using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Eas.Host.Cli;

/// <summary>Draws a <see cref="TopFrame"/> with Spectre.Console; no figures are computed here.</summary>
internal static class TopView
{
    public static IRenderable Render(TopFrame frame, string server, TopAttention.Devices? attention = null)
    {
        var header = new Text(
            $"{server}  up {Duration(frame.UptimeSeconds)}  {frame.At.ToUniversalTime():HH:mm:ss}Z  interval {Number(frame.IntervalSeconds, "0.0")} s" +
            (frame.Restarted ? "  (server restarted)" : string.Empty));
        var summary = Table("Requests/s", "Errors/s", "In flight", "Parked Pings", "Watchers", "Reconnects/s");
        Row(summary, Number(frame.RequestsPerSecond, "0.0"), Number(frame.ErrorsPerSecond, "0.00"), Number(frame.InFlight), Number(frame.ParkedPings),
            Number(frame.WatcherSessions), Number(frame.ReconnectsPerSecond, "0.00"));
        var actors = frame.Actors;
        var cluster = Table("Accounts", "Devices", "Mailboxes", "Shards", "Members up", "Unreachable", "Singletons");
        Row(cluster, Number(actors.Accounts), Number(actors.Devices), Number(actors.Mailboxes), Number(actors.Shards), Number(actors.MembersUp),
            Number(actors.Unreachable), actors.SingletonsHere ? "here" : "elsewhere");
        var process = Table("CPU", "Working set", "GC heap", "Allocated/s", "Threads");
        Row(process, Number(frame.CpuPercent, "0.0") + " %", Bytes(frame.WorkingSetBytes), Bytes(frame.GcHeapBytes), Bytes((long)frame.AllocatedBytesPerSecond), Number(frame.Threads));

        var commands = Table("Command", "Req/s", "Errors", "In flight", "Mean ms", "Max ms (1-2 min)");
        foreach (var row in frame.Commands)
            Row(commands, row.Command, Number(row.RequestsPerSecond, "0.0"), Number(row.Errors), Number(row.InFlight), Mean(row.MeanMs), Number(row.RecentMaxMs, "0"));
        var slowest = Table("Slowest", "Mean ms", "Max ms (1-2 min)");
        foreach (var row in frame.Slowest) Row(slowest, row.Command, Mean(row.MeanMs), Number(row.RecentMaxMs, "0"));

        var window = $"last {Number(frame.BusiestDevices.WindowSeconds, "0")} s";
        var devices = Table("Busiest devices", "Account", $"Requests ({window})", "Errors");
        foreach (var d in frame.BusiestDevices.Entries.Take(10)) Row(devices, d.DeviceId, d.Account, Number(d.Requests), Number(d.Errors));
        var accounts = Table("Busiest accounts", $"Requests ({window})", "Errors");
        foreach (var a in frame.BusiestAccounts.Entries.Take(10)) Row(accounts, a.Account, Number(a.Requests), Number(a.Errors));

        var looping = Table("Looping devices", "Account", "Why", "Last seen");
        foreach (var d in frame.Looping.Take(10)) Row(looping, d.DeviceId, d.Account, d.Reason, $"{d.At.ToUniversalTime():HH:mm:ss}Z");
        if (frame.Looping.Count == 0) Row(looping, "(none)", "", "", "");

        var waiting = Table("Quarantined / wipe pending", "Account", "Type", "Since");
        foreach (var d in attention?.Quarantined.Take(10) ?? []) Row(waiting, d.DeviceId, d.Account ?? "-", $"quarantined {d.DeviceType ?? "-"}", Seen(d.FirstSeen));
        foreach (var d in attention?.WipePending.Take(10) ?? []) Row(waiting, d.DeviceId, d.Account ?? "-", "wipe pending", Seen(d.Wipe?.RequestedAt));
        if (attention is null || attention.Quarantined.Count + attention.WipePending.Count == 0) Row(waiting, "(none)", "", "", "");

        return new Rows(header, summary, cluster, process, new Columns(commands, slowest) { Expand = false }, new Columns(devices, accounts) { Expand = false }, looping, waiting);
    }

    private static string Seen(DateTimeOffset? at) => at is { } value ? $"{value.ToUniversalTime():yyyy-MM-dd HH:mm}Z" : "-";

    private static string Mean(double? ms) => ms is { } value ? Number(value, "0.0") : "-";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes >= 1 << 30
        ? Number(bytes / (double)(1 << 30), "0.00") + " GiB"
        : Number(bytes / (double)(1 << 20), "0.0") + " MiB";

    private static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span:hh\\:mm}" : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }

    private static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header)));
        return table;
    }

    private static void Row(Table table, params string[] cells) => table.AddRow([.. cells.Select(cell => new Text(cell))]);
}
