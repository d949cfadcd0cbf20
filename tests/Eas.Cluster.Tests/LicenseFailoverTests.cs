using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Xunit.Abstractions;

namespace Eas.Cluster.Tests;

/// <summary>
/// The license is a cluster singleton on the oldest node that records the first N accounts "durably" (DESIGN.md).
/// When that node is killed the singleton starts on the next oldest and must know every slot it granted; first
/// connections that race each other right after must never get more slots than are left.
/// </summary>
public sealed class LicenseFailoverTests(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output) : ClusterTest(dovecot, postgres, output)
{
    private const int BudgetSeconds = 150;
    private const int Licensed = 5;
    private const int Before = 3;
    private const int Racing = 6;

    /// <summary>How long a phone or an admin keeps trying while the account shards and the singletons settle after the kill.</summary>
    private static readonly TimeSpan AfterTheMove = TimeSpan.FromSeconds(30);

    [PostgresFact(Timeout = (BudgetSeconds + CleanupSeconds) * 1000)]
    public Task The_license_moves_with_its_slots_when_its_node_is_killed_and_racing_first_connections_get_only_the_free_ones() =>
        RunAsync(new ClusterSpec { LicensedAccounts = Licensed }, BudgetSeconds, async (cluster, cancellationToken) =>
        {
            var log = new PhoneLog(Output);
            var singletons = await cluster.SingletonHostAsync(TimeSpan.FromSeconds(15), cancellationToken);
            var survivors = cluster.Nodes.Where(n => n != singletons).ToList();
            var holders = Enumerable.Range(0, Before).Select(_ => MailboxUser.Create(Dovecot, "lic")).ToList();
            foreach (var (user, i) in holders.Select((u, i) => (u, i)))
                (await ConnectAsync(user, survivors[i % 2], survivors, log, TimeSpan.Zero, cancellationToken)).ShouldBe(HttpStatusCode.OK, $"{user.Address} takes slot {i + 1} of {Licensed}");
            var granted = await LicenseAsync(cluster, survivors[0], log, cancellationToken);
            granted["used"]!.GetValue<int>().ShouldBe(Before);
            var order = HoldersOf(granted);
            order.ShouldBe(holders.Select(u => u.Address).ToList());

            var sinceKill = Stopwatch.StartNew();
            await cluster.KillAsync(singletons);
            log.Write($"killed {singletons} (kill -9), the singletons' node");
            var successor = await cluster.SingletonHostAsync(TimeSpan.FromSeconds(60), cancellationToken);
            Output.WriteLine($"The singletons run on {successor} {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill.");

            var moved = await LicenseAsync(cluster, survivors.Single(n => n != successor), log, cancellationToken);
            Output.WriteLine($"License after the move: {moved.ToJsonString()}");
            moved["licensed"]!.GetValue<int>().ShouldBe(Licensed);
            moved["used"]!.GetValue<int>().ShouldBe(Before, "the slots granted before the kill are kept");
            HoldersOf(moved).ShouldBe(order, "in the order they were granted");

            var newcomers = Enumerable.Range(0, Racing).Select(_ => MailboxUser.Create(Dovecot, "race")).ToList();
            var outcomes = await Task.WhenAll(newcomers.Concat(holders).Select(async (user, i) =>
                (User: user, Status: await ConnectAsync(user, survivors[i % 2], survivors, log, AfterTheMove, cancellationToken))));
            foreach (var (user, status) in outcomes) log.Write($"{user.Address}: {status}");
            outcomes.Where(o => holders.Contains(o.User)).ShouldAllBe(o => o.Status == HttpStatusCode.OK, "holders keep their slot");
            var admitted = outcomes.Where(o => newcomers.Contains(o.User) && o.Status == HttpStatusCode.OK).ToList();
            admitted.Count.ShouldBe(Licensed - Before, "exactly the free slots are granted, never more");
            outcomes.Count(o => newcomers.Contains(o.User) && o.Status == HttpStatusCode.Forbidden).ShouldBe(Racing - (Licensed - Before));

            var final = await LicenseAsync(cluster, survivors[1], log, cancellationToken);
            final["used"]!.GetValue<int>().ShouldBe(Licensed);
            HoldersOf(final).Take(Before).ShouldBe(order);
            HoldersOf(final).Skip(Before).ShouldBe(admitted.Select(a => a.User.Address), ignoreOrder: true);
        });

    /// <summary>
    /// A 14.1 phone's first Provision phase, the request that makes an account claim its slot: 200 when admitted,
    /// 403 with Status 126 when the license turned the account off.
    /// </summary>
    private static async Task<HttpStatusCode> ConnectAsync(
        MailboxUser user, ClusterNode node, IReadOnlyList<ClusterNode> nodes, PhoneLog log, TimeSpan patience, CancellationToken cancellationToken)
    {
        var phone = ClusterPhone.Create(user, "Lic1", node);
        var response = await phone.SendAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType), nodes, log, cancellationToken, patience);
        if (response.Status == HttpStatusCode.Forbidden) response.Body.ShouldNotBeNull().ValueOf(Provision.Status).ShouldBe("126");
        return response.Status;
    }

    /// <summary><c>GET /admin/api/license</c> on one node; a 503 (the singleton is moving) is asked again after a second, for <see cref="AfterTheMove"/>.</summary>
    private static async Task<JsonNode> LicenseAsync(ClusterFixture cluster, ClusterNode node, PhoneLog log, CancellationToken cancellationToken)
    {
        var admin = cluster.AdminOf(node);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await admin.SendAsync(HttpMethod.Get, "/license");
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode) return JsonNode.Parse(text)!;
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"GET /license via {node}: {text}");
            log.Write($"GET /license via {node}: 503 {text}");
            clock.Elapsed.ShouldBeLessThan(AfterTheMove, $"GET /license via {node} is still 503: {text}");
            await Task.Delay(1000, cancellationToken);
        }
    }

    private static List<string> HoldersOf(JsonNode license) =>
        [.. license["holders"]!.AsArray().Select(h => h!["accountId"]!.GetValue<string>())];
}
