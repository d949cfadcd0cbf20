using System.Diagnostics;
using System.Diagnostics.Metrics;
using Eas.Actors.Persistence;

namespace Eas.Benchmarks.Persistence;

/// <summary>
/// Durable write latency of <see cref="SqliteStateStore"/> on this disk
/// (<c>dotnet run -c Release -- store-latency</c>): sequential saves, then many concurrent writers.
/// </summary>
public static class StoreLatency
{
    public static async Task RunAsync(string[] args)
    {
        var writes = args.Length > 0 ? int.Parse(args[0]) : 1_000;
        var directory = Path.Combine(Path.GetTempPath(), "eas-store-latency-" + Guid.NewGuid().ToString("N"));
        using var meter = new Meter("Eas.Benchmarks.Store");
        await using (var store = SqliteStateStore.Open(new SqliteStateStoreOptions { DataDirectory = directory, Meter = meter }))
        {
            var state = new byte[2048];
            await TimeAsync(writes, 4, i => store.SaveAsync("warmup", "w" + i, 0, state));
            Report("sequential save (2 KiB)", await TimeAsync(writes, 1, i => store.SaveAsync("device", "d" + i, 0, state)));
            Report("16 concurrent writers", await TimeAsync(writes, 16, i => store.SaveAsync("device", "c" + i, 0, state)));
            Report("sequential load", await TimeAsync(writes, 1, i => store.LoadAsync("device", "d" + i)));
        }

        Directory.Delete(directory, recursive: true);
    }

    private static async Task<(double[] Latencies, TimeSpan Total)> TimeAsync(int count, int writers, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        return (latencies, total.Elapsed);
    }

    private static void Report(string name, (double[] Latencies, TimeSpan Total) result)
    {
        var sorted = result.Latencies.Order().ToArray();
        double At(double q) => sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];
        Console.WriteLine(
            $"{name,-26} p50 {At(0.5),7:F3} ms  p99 {At(0.99),7:F3} ms  {sorted.Length / result.Total.TotalSeconds,8:F0} ops/s");
    }
}
