using System.Diagnostics;
using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Xunit.Abstractions;

namespace Eas.Cluster.Tests;

/// <summary>
/// What every cluster test does around its scenario: a fresh PostgreSQL database for the journal, a fresh cluster,
/// a time budget that cancels every wait when it runs out, the nodes' logs in the output when anything fails, and
/// every process killed at the end. The budget is the test's own; xunit's Timeout (budget plus
/// <see cref="CleanupSeconds"/>) is the backstop.
/// </summary>
[Collection(ClusterCollection.Name)]
public abstract class ClusterTest(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output)
{
    /// <summary>What killing the processes and printing the logs may take after the budget.</summary>
    protected const int CleanupSeconds = 20;

    protected DovecotFixture Dovecot => dovecot;

    protected PostgresServer Postgres => postgres;

    protected ITestOutputHelper Output => output;

    private protected async Task RunAsync(ClusterSpec spec, int budgetSeconds, Func<ClusterFixture, CancellationToken, Task> scenario)
    {
        var budget = TimeSpan.FromSeconds(budgetSeconds);
        using var timer = new CancellationTokenSource(budget);
        var journal = await postgres.CreateDatabaseAsync("eas_cluster_" + Guid.NewGuid().ToString("N")[..8]);
        await using var cluster = new ClusterFixture(dovecot, journal, spec);
        var clock = Stopwatch.StartNew();
        try
        {
            await cluster.StartAsync(timer.Token);
            output.WriteLine($"{spec.Nodes} nodes formed one cluster in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", cluster.Nodes)}");
            await scenario(cluster, timer.Token);
        }
        catch (Exception e)
        {
            cluster.KeepFiles = true;
            output.WriteLine($"Failed after {clock.Elapsed.TotalSeconds:0.0} s: {e.GetType().Name}: {e.Message}");
            output.WriteLine(cluster.DescribeLogs());
            if (e is OperationCanceledException && timer.IsCancellationRequested)
                throw new TimeoutException($"The test ran over its budget of {budgetSeconds} s.", e);
            throw;
        }

        output.WriteLine($"Passed in {clock.Elapsed.TotalSeconds:0.0} s.");
    }
}
