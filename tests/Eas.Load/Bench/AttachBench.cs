using System.Diagnostics;
using System.Globalization;
using System.Text;
using Eas.Load.Eas;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Eas.Mail.LocalDovecot;
using Eas.Wire.CodePages;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// The memory of big attachments: a private Dovecot with one message carrying an attachment of N MiB of random
/// bytes, the Release server as a child process, then the attachment fetched by P devices at once with
/// ItemOperations (inline or multipart) and, as a second round, with GetAttachment by P 12.1 devices. Every
/// fetch's bytes are compared with what was delivered. The server's RSS is read when idle (devices set up),
/// sampled every 20 ms during each round (and VmHWM read at the end), and read again once the rounds are over
/// and the server had a few seconds to settle. Goal: peak at most 40 MiB over idle, after within 10% of idle. With
/// <see cref="AttachBenchSettings.WholeMessage"/> the ItemOperations round fetches the whole message as MIME instead,
/// checked to end with the message delivered (the store puts its delivery headers first).
/// </summary>
internal static class AttachBench
{
    public const string Domain = "ox.io";
    public const string User = "attach@" + Domain;
    public const long GoalPeakOverIdleKib = 40 * 1024;
    public const double GoalAfterRatio = 1.10;
    private static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(AttachBenchSettings settings, RunDeadline deadline)
    {
        AnsiConsole.WriteLine("Machine: " + MachineInfo.Read().Describe());
        if (BenchSupport.LocateServer(settings.ServerDll) is not { } serverDll) return 2;
        var workDirectory = BenchSupport.CreateWorkDirectory("eas-attach-");
        var password = "attach-" + Guid.NewGuid().ToString("N");
        DovecotInstance? dovecot = null;
        ServerProcess? server = null;
        try
        {
            dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = Path.Combine(workDirectory, "dovecot") }, deadline.Token);
            dovecot.AddUser(User, password);
            var attachment = new byte[settings.SizeMib * 1024L * 1024];
            new Random(42).NextBytes(attachment);
            var message = MessageWith(attachment);
            await dovecot.DeliverAsync(User, message, cancellationToken: deadline.Token);
            AnsiConsole.WriteLine($"Dovecot: 127.0.0.1:{dovecot.ImapPort}; delivered one message with a {settings.SizeMib} MiB attachment");

            var baseUrl = new Uri($"http://127.0.0.1:{BenchSupport.FreePort()}");
            string[] arguments =
            [
                "--urls", baseUrl.ToString().TrimEnd('/'),
                $"--Eas:DataDir={Path.Combine(workDirectory, "state")}",
                $"--Eas:DefaultDomain={Domain}",
                "--Eas:Imap:Host=127.0.0.1",
                $"--Eas:Imap:Port={dovecot.ImapPort}",
                "--Eas:Imap:Security=None",
                $"--Eas:LogLevel={settings.ServerLogLevel}",
            ];
            AnsiConsole.WriteLine($"Server: dotnet {serverDll} {string.Join(' ', arguments)}");
            server = await ServerProcess.StartAsync(serverDll, arguments, baseUrl, Path.Combine(workDirectory, "server.log"), ServerStartTimeout, deadline.Token);
            using var http = LoopbackHttp.CreateClient(maxConnections: settings.Parallel * 2, timeout: TimeSpan.FromMinutes(5));
            var endpoint = new Uri(baseUrl, "/Microsoft-Server-ActiveSync");

            var modern = await SetUpAsync(http, endpoint, password, "14.1", settings.Parallel, deadline.Token);
            var legacy = await SetUpAsync(http, endpoint, password, "12.1", settings.Parallel, deadline.Token);
            await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
            var idle = RssSampler.ReadKib(server.ProcessId) ?? 0;
            AnsiConsole.WriteLine($"Server: pid {server.ProcessId}, idle RSS {Mib(idle)} after setting up {2 * settings.Parallel} devices");

            var form = (settings.WholeMessage ? "whole message, " : "") + (settings.MultiPart ? "multipart" : "inline");
            var items = settings.WholeMessage
                ? await RoundAsync($"ItemOperations ({form})", server.ProcessId, modern, fetched => fetched.AsSpan().EndsWith(message),
                    (target, token) => target.Fetcher.WholeMessageAsync(target.CollectionId, target.ServerId, settings.MultiPart, token), deadline.Token)
                : await RoundAsync($"ItemOperations ({form})", server.ProcessId, modern, fetched => fetched.AsSpan().SequenceEqual(attachment),
                    (target, token) => target.Fetcher.ItemOperationsAsync(target.Reference, settings.MultiPart, token), deadline.Token);
            var raw = await RoundAsync("GetAttachment (12.1)", server.ProcessId, legacy, fetched => fetched.AsSpan().SequenceEqual(attachment),
                (target, token) => target.Fetcher.GetAttachmentAsync(target.Reference, token), deadline.Token);
            await Task.Delay(Settle, deadline.Token);
            var after = RssSampler.ReadKib(server.ProcessId) ?? 0;
            var hwm = RssSampler.ReadPeakKib(server.ProcessId) ?? 0;

            var peak = Math.Max(items.PeakKib, raw.PeakKib);
            var table = new Table().AddColumns("measure", "value");
            table.AddRow("idle RSS", Mib(idle));
            table.AddRow($"peak RSS, {settings.Parallel} x ItemOperations {form}", $"{Mib(items.PeakKib)} (+{Mib(items.PeakKib - idle)}), {items.Elapsed.TotalSeconds:0.0} s");
            table.AddRow($"peak RSS, {settings.Parallel} x GetAttachment", $"{Mib(raw.PeakKib)} (+{Mib(raw.PeakKib - idle)}), {raw.Elapsed.TotalSeconds:0.0} s");
            table.AddRow("VmHWM (process lifetime peak)", $"{Mib(hwm)} (+{Mib(hwm - idle)})");
            table.AddRow($"RSS {Settle.TotalSeconds:0} s after", $"{Mib(after)} ({100.0 * after / Math.Max(1, idle):0}% of idle)");
            table.AddRow("fetches checked byte for byte", $"{items.Verified + raw.Verified} of {2 * settings.Parallel}");
            AnsiConsole.Write(table);
            var peakMet = peak - idle <= GoalPeakOverIdleKib;
            var afterMet = after <= idle * GoalAfterRatio;
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Goal peak at most {0} over idle: {1}; after within 10% of idle: {2}",
                Mib(GoalPeakOverIdleKib), peakMet ? "[green]met[/]" : "[red]not met[/]", afterMet ? "[green]met[/]" : "[red]not met[/]");
            return peakMet && afterMet && items.Verified + raw.Verified == 2 * settings.Parallel ? 0 : 1;
        }
        catch (Exception e) when (e is EasCallException or InvalidOperationException or TimeoutException or IOException or FormatException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]attach-bench failed:[/] {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped:[/] {deadline.StopReason}");
            return 1;
        }
        finally
        {
            if (server is not null)
            {
                AnsiConsole.WriteLine($"Server stopped (exit code {await server.StopAsync()}).");
                await server.DisposeAsync();
            }

            if (dovecot is not null) await dovecot.DisposeAsync();
            BenchSupport.RemoveWorkDirectory(workDirectory, settings.KeepData, "Dovecot, server state and log");
        }
    }

    /// <summary>Provisions <paramref name="count"/> devices of one version and finds the message and its attachment's FileReference for each by syncing the inbox.</summary>
    private static async Task<List<Target>> SetUpAsync(HttpClient http, Uri endpoint, string password, string version, int count, CancellationToken token)
    {
        var devices = new List<Target>();
        for (var i = 0; i < count; i++)
        {
            var device = new EasDevice(User, password, $"Attach{version.Replace(".", "", StringComparison.Ordinal)}D{i}", "AttachBench", version);
            var session = new EasSession(new EasClient(http, endpoint, device, new LatencyRecorder()));
            await session.ProvisionAsync(token);
            var inbox = await session.FindInboxAsync(token);
            var key = await session.StartSyncAsync(inbox, token);
            var collection = await session.NextWindowAsync(inbox, key, 5, 512, token) ?? throw new EasCallException("Sync: the inbox came back empty");
            var add = collection.Element(AirSync.Commands)?.Element(AirSync.Add) ?? throw new EasCallException("Sync: no Add for the message");
            var reference = add.Element(AirSync.ApplicationData)?.Element(AirSyncBase.Attachments)?.Element(AirSyncBase.Attachment)?.ValueOf(AirSyncBase.FileReference)
                ?? throw new EasCallException("Sync: the message has no attachment FileReference");
            var serverId = add.ValueOf(AirSync.ServerId) ?? throw new EasCallException("Sync: an Add without ServerId");
            devices.Add(new Target(new AttachmentFetcher(http, endpoint, device, session.Client.PolicyKey), reference, inbox, serverId));
        }

        return devices;
    }

    private static async Task<Round> RoundAsync(string name, int serverPid, List<Target> devices, Func<byte[], bool> isExpected,
        Func<Target, CancellationToken, Task<byte[]>> fetch, CancellationToken token)
    {
        var sampler = RssSampler.Start(serverPid, SampleInterval, token);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(devices.Select(async d =>
        {
            try
            {
                return isExpected(await fetch(d, token)) ? null : "bytes differ";
            }
            catch (EasCallException e)
            {
                return e.Message;
            }
        }));
        clock.Stop();
        var series = await sampler.StopAsync();
        foreach (var problem in results.Where(r => r is not null).Distinct()) AnsiConsole.MarkupLineInterpolated($"[red]{name}:[/] {problem}");
        return new Round(series.MaxKib, clock.Elapsed, results.Count(r => r is null));
    }

    private static byte[] MessageWith(byte[] attachment)
    {
        var text = new StringBuilder()
            .Append("From: Bench <bench@ox.io>\r\nTo: ").Append(User).Append("\r\nSubject: Big attachment\r\nDate: Sun, 1 Nov 2026 10:00:00 +0000\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n")
            .Append("--sep\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe file.\r\n")
            .Append("--sep\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n").Append(Convert.ToBase64String(attachment, Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n--sep--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static string Mib(long kib) => (kib / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private sealed record Round(long PeakKib, TimeSpan Elapsed, int Verified);

    /// <summary>One device's fetcher, the attachment's FileReference and the message's folder and ServerId.</summary>
    private sealed record Target(AttachmentFetcher Fetcher, string Reference, string CollectionId, string ServerId);
}
