using System.Diagnostics.Metrics;
using Eas.Host.Limits;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Host.Tests.Limits;

public class QuietMemoryTrimTests
{
    private const long Mib = 1024 * 1024;

    [Fact]
    public async Task The_service_collects_once_the_node_is_quiet_and_then_waits_its_interval()
    {
        long allocated = 0;
        var busy = true;
        var collections = 0;
        MemoryReading Read(DateTimeOffset at)
        {
            allocated += busy ? 10_000 * Mib : 1;
            return collections == 0 ? new(at, 400 * Mib, 100 * Mib, allocated, 500 * Mib) : new(at, 110 * Mib, 100 * Mib, allocated, 210 * Mib);
        }

        using var meter = new Meter("test");
        var rule = new MemoryTrimRule(64 * Mib, 8 * Mib, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        using var trim = new QuietMemoryTrim(rule, TimeSpan.FromMilliseconds(20), TimeProvider.System, NullLogger.Instance, new MemoryTrimMetrics(meter), Read, () => Interlocked.Increment(ref collections));
        await trim.StartAsync(CancellationToken.None);

        await Task.Delay(200);
        Volatile.Read(ref collections).ShouldBe(0, "a busy node is not trimmed");
        busy = false;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref collections) == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Volatile.Read(ref collections).ShouldBe(1);
        await Task.Delay(200);
        await trim.StopAsync(CancellationToken.None);

        collections.ShouldBe(1, "the next trim waits for the minimum interval");
    }
}
