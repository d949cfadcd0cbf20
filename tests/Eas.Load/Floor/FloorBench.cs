using System.Globalization;
using Eas.Load.Bench;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.Floor;

/// <summary>What one held request costs bare Kestrel: its RSS before and with the requests held, and their count.</summary>
internal sealed record FloorFigures(int Held, long BeforeKib, long AfterKib)
{
    public double PerRequestKib => Held > 0 ? (AfterKib - BeforeKib) / (double)Held : double.NaN;
}

/// <summary>
/// The floor of push-bench: <see cref="FloorServer"/> as a child process (this tool's own dll, with the server's
/// garbage collector settings), the same number of requests held open as Pings were parked, one connection each,
/// and its RSS before and after. The gap between a parked Ping and this floor is what the EAS server adds.
/// </summary>
internal static class FloorBench
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    public static async Task<FloorFigures?> MeasureAsync(int requests, string serverDll, string workDirectory, CancellationToken cancellationToken)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{BenchSupport.FreePort()}");
        var dll = typeof(FloorBench).Assembly.Location;
        await using var server = await ServerProcess.StartAsync(dll, ["floor-server", "--port", baseUrl.Port.ToString(CultureInfo.InvariantCulture)], baseUrl,
            Path.Combine(workDirectory, "floor.log"), StartTimeout, cancellationToken, GcEnvironment(serverDll));
        using var http = LoopbackHttp.CreateClient(requests + 16, Timeout.InfiniteTimeSpan);
        await WaitForCountAsync(http, baseUrl, 0, cancellationToken);
        var before = ProcessSnapshot.Read(server.ProcessId).RssKib;
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var held = Enumerable.Range(0, requests).Select(_ => HoldAsync(http, baseUrl, hangUp.Token)).ToList();
        var reached = await WaitForCountAsync(http, baseUrl, requests, cancellationToken);
        var after = ProcessSnapshot.Read(server.ProcessId).RssKib;
        await hangUp.CancelAsync();
        await Task.WhenAll(held);
        if (before is null || after is null || !reached)
        {
            AnsiConsole.WriteLine($"Floor: not measured ({(reached ? "no RSS" : "the requests were not all held")}).");
            return null;
        }

        return new FloorFigures(requests, before.Value, after.Value);
    }

    /// <summary>
    /// The garbage collector settings of the server's runtimeconfig.json as the runtime's environment variables,
    /// so the floor's heap is sized the way the server's is.
    /// </summary>
    private static Dictionary<string, string> GcEnvironment(string serverDll)
    {
        var config = Path.ChangeExtension(serverDll, ".runtimeconfig.json");
        var environment = File.Exists(config) ? GcEnvironmentOf(File.ReadAllText(config)) : [];
        AnsiConsole.WriteLine($"Floor: the server's GC settings: {(environment.Count == 0 ? "defaults" : string.Join(", ", environment.Select(e => $"{e.Key}={e.Value}")))}");
        return environment;
    }

    /// <summary>
    /// The GC settings among a runtimeconfig.json's <c>configProperties</c> as <c>DOTNET_</c> variables: booleans as 1 or 0,
    /// numbers in hexadecimal (the runtime reads its variables' numbers so, and runtimeconfig.json's in decimal).
    /// </summary>
    internal static Dictionary<string, string> GcEnvironmentOf(string runtimeConfigJson)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(runtimeConfigJson);
        if (!json.RootElement.TryGetProperty("runtimeOptions", out var options) || !options.TryGetProperty("configProperties", out var properties)) return environment;
        (string Property, string Variable)[] known =
        [
            ("System.GC.Server", "DOTNET_gcServer"), ("System.GC.Concurrent", "DOTNET_gcConcurrent"), ("System.GC.DynamicAdaptationMode", "DOTNET_GCDynamicAdaptationMode"),
            ("System.GC.ConserveMemory", "DOTNET_GCConserveMemory"), ("System.GC.Gen0MaxBudget", "DOTNET_GCGen0MaxBudget"),
        ];
        foreach (var (property, variable) in known)
        {
            if (!properties.TryGetProperty(property, out var value)) continue;
            environment[variable] = value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.True => "1",
                System.Text.Json.JsonValueKind.False => "0",
                System.Text.Json.JsonValueKind.Number when value.TryGetInt64(out var number) => $"0x{number:X}",
                _ => value.ToString(),
            };
        }

        return environment;
    }

    private static async Task HoldAsync(HttpClient http, Uri baseUrl, CancellationToken token)
    {
        try
        {
            using var content = new ByteArrayContent(new byte[32]);
            using var response = await http.PostAsync(new Uri(baseUrl, FloorServer.ParkPath), content, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    /// <summary>Until the server has held <paramref name="count"/> requests for <see cref="Settled"/>; false when it did not within <see cref="MaxWait"/>.</summary>
    private static async Task<bool> WaitForCountAsync(HttpClient http, Uri baseUrl, int count, CancellationToken token)
    {
        using var probe = LoopbackHttp.CreateClient(timeout: TimeSpan.FromSeconds(10));
        var total = System.Diagnostics.Stopwatch.StartNew();
        var steady = System.Diagnostics.Stopwatch.StartNew();
        while (total.Elapsed < MaxWait)
        {
            var now = int.Parse(await probe.GetStringAsync(new Uri(baseUrl, FloorServer.CountPath), token), CultureInfo.InvariantCulture);
            if (now != count) steady.Restart();
            else if (steady.Elapsed >= Settled) return true;
            await Task.Delay(Tick, token);
        }

        return false;
    }
}
