using BenchmarkDotNet.Running;
using Eas.Benchmarks.Kernel;

// Plain console measurements that BenchmarkDotNet's statistics do not fit; everything else is a benchmark.
switch (args.FirstOrDefault())
{
    case "kernel-memory":
        await KernelMemory.RunAsync(args[1..]);
        return;
    case "store-latency":
        await StoreLatency.RunAsync(args[1..]);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
