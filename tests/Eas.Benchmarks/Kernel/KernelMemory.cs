using System.Diagnostics.Metrics;
using Eas.Actors.Kernel;

namespace Eas.Benchmarks.Kernel;

/// <summary>
/// Managed memory per idle entity (<c>dotnet run -c Release -- kernel-memory [counts...]</c>): entities are
/// started, left idle, and the GC heap delta is divided by their number. Three shapes:
/// <list type="bullet">
/// <item>fresh: just handled one message, mailbox channel still allocated;</item>
/// <item>trimmed: idle past the timeout but vetoing passivation, so its channel was released;</item>
/// <item>parked: a vetoing entity holding an ask's reply handle and a heartbeat timer, the kernel's share of a parked Ping.</item>
/// </list>
/// </summary>
public static class KernelMemory
{
    public static async Task RunAsync(string[] args)
    {
        var counts = args.Length > 0 ? args.Select(int.Parse).ToArray() : [10_000, 100_000];
        Console.WriteLine($"{"entities",10} {"fresh B/entity",16} {"trimmed B/entity",18} {"parked B/entity",17}");
        foreach (var count in counts)
        {
            var fresh = await MeasureAsync(count, park: false, trim: false);
            var trimmed = await MeasureAsync(count, park: false, trim: true);
            var parked = await MeasureAsync(count, park: true, trim: true);
            Console.WriteLine($"{count,10} {fresh,16:F0} {trimmed,18:F0} {parked,17:F0}");
        }
    }

    private static async Task<double> MeasureAsync(int count, bool park, bool trim)
    {
        using var meter = new Meter("Eas.Benchmarks.Memory");
        var ids = Enumerable.Range(0, count).Select(i => "account" + i + "/device").ToArray();
        var idle = TimeSpan.FromMilliseconds(200);
        var system = new ActorSystem(new ActorSystemOptions { Meter = meter });
        var region = system.CreateRegion(
            "device",
            _ => new IdleEntity(),
            new EntityRegionOptions { IdleTimeout = trim ? idle : TimeSpan.FromHours(1), SweepInterval = idle });
        var pending = new List<Task<int>>(park ? count : 0);
        var baseline = Settle();

        foreach (var id in ids)
        {
            if (park)
            {
                pending.Add(region.Ask<int>(id, r => new IdleEntity.Park(r), TimeSpan.FromHours(1)));
            }
            else
            {
                region.Tell(id, IdleEntity.Touch);
            }
        }

        foreach (var id in ids)
        {
            await region.Ask<int>(id, r => new IdleEntity.Ping(r), TimeSpan.FromMinutes(1));
        }

        var used = Settle() - baseline;
        if (trim)
        {
            // Every vetoing entity releases its channel at the first sweep after it went idle; wait until the
            // heap stops shrinking rather than guessing how long a sweep over all of them takes.
            long previous;
            do
            {
                previous = used;
                await Task.Delay(idle * 3);
                used = Settle() - baseline;
            }
            while (used < previous * 0.99);
        }

        if (region.Count != count)
        {
            throw new InvalidOperationException($"Expected {count} live entities, found {region.Count}.");
        }

        await system.ShutdownAsync();
        GC.KeepAlive(ids);
        GC.KeepAlive(pending);
        return (double)used / count;
    }

    private static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class IdleEntity : Actor
    {
        public static readonly object Touch = new();
        private ReplyTo<int>? _parked;

        protected override bool CanPassivate => false;

        protected override Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case Park park:
                    _parked = park.ReplyTo;
                    Context.Timers.StartSingle("heartbeat", Touch, TimeSpan.FromMinutes(30));
                    break;
                case Ping ping:
                    ping.ReplyTo.Reply(_parked is null ? 0 : 1);
                    break;
            }

            return Task.CompletedTask;
        }

        public sealed record Park(ReplyTo<int> ReplyTo);

        public sealed record Ping(ReplyTo<int> ReplyTo);
    }
}
