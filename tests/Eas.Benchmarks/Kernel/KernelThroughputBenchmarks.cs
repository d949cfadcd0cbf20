using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Eas.Actors.Kernel;

namespace Eas.Benchmarks.Kernel;

/// <summary>
/// Messages per second through the kernel: all to one actor, and spread over 10,000 live entities. Each
/// operation is one message; the invocation ends when the last one has been handled.
/// </summary>
[MemoryDiagnoser]
public class KernelThroughputBenchmarks
{
    private const int Messages = 100_000;
    private const int EntityCount = 10_000;

    private Meter _meter = null!;
    private ActorSystem _system = null!;
    private IActorRef _single = null!;
    private EntityRegion _region = null!;
    private string[] _ids = null!;
    private Completion _completion = null!;

    [GlobalSetup]
    public void Setup()
    {
        _meter = new Meter("Eas.Benchmarks");
        _system = new ActorSystem(new ActorSystemOptions { Meter = _meter });
        _completion = new Completion();
        _single = _system.Spawn("single", () => new CountingActor(_completion));
        _region = _system.CreateRegion(
            "entity",
            _ => new CountingActor(_completion),
            new EntityRegionOptions { IdleTimeout = TimeSpan.FromHours(1) });
        _ids = Enumerable.Range(0, EntityCount).Select(i => "account" + i + "/device").ToArray();
        _completion.Expect(EntityCount);
        foreach (var id in _ids)
        {
            _region.Tell(id, CountingActor.Tick);
        }

        _completion.Wait();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.ShutdownAsync().GetAwaiter().GetResult();
        _meter.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public void OneActor()
    {
        _completion.Expect(Messages);
        for (var i = 0; i < Messages; i++)
        {
            _single.Tell(CountingActor.Tick);
        }

        _completion.Wait();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public void TenThousandEntities()
    {
        _completion.Expect(Messages);
        for (var i = 0; i < Messages; i++)
        {
            _region.Tell(_ids[i % EntityCount], CountingActor.Tick);
        }

        _completion.Wait();
    }

    [Benchmark(OperationsPerInvoke = 1_000)]
    public async Task AskRoundTrip()
    {
        for (var i = 0; i < 1_000; i++)
        {
            await _region.Ask<int>(_ids[i % EntityCount], r => new CountingActor.Ping(r), TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Counts handled messages across all actors and releases the driver at the expected total.</summary>
    internal sealed class Completion
    {
        private readonly ManualResetEventSlim _done = new();
        private int _remaining;

        public void Expect(int count)
        {
            _done.Reset();
            Volatile.Write(ref _remaining, count);
        }

        public void Handled()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.Set();
            }
        }

        public void Wait()
        {
            if (!_done.Wait(TimeSpan.FromMinutes(1)))
            {
                throw new TimeoutException("Messages were not all handled.");
            }
        }
    }

    private sealed class CountingActor(Completion completion) : Actor
    {
        public static readonly object Tick = new();

        protected override Task ReceiveAsync(object message)
        {
            if (message is Ping ping)
            {
                ping.ReplyTo.Reply(0);
            }
            else
            {
                completion.Handled();
            }

            return Task.CompletedTask;
        }

        public sealed record Ping(ReplyTo<int> ReplyTo);
    }
}
