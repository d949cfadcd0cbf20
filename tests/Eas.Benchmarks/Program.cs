using BenchmarkDotNet.Running;
using Eas.Benchmarks.Persistence;

// Plain console measurements that BenchmarkDotNet's statistics do not fit; everything else is a benchmark.
switch (args.FirstOrDefault())
{
    case "store-latency":
        await StoreLatency.RunAsync(args[1..]);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
