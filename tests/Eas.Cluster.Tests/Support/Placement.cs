namespace Eas.Cluster.Tests.Support;

/// <summary>
/// Finds the node an account's entity lives on from the outside: the account's first request starts its sharded
/// entity, and exactly one node's count of account entities (<c>entities.account</c> of
/// <c>/admin/api/cluster</c>) rises by one. Only sound while nothing else starts or stops an account entity, so
/// tests place their accounts one at a time. (A server endpoint naming the host of an account would do this
/// directly.)
/// </summary>
internal static class Placement
{
    public static async Task<ClusterNode> OfFirstRequestAsync(ClusterFixture cluster, Func<Task> firstRequest, CancellationToken cancellationToken)
    {
        var before = (await cluster.ViewsAsync(cancellationToken)).ToDictionary(v => v.Node, v => v.View.Accounts);
        await firstRequest();
        var views = await cluster.WaitForAsync(
            "exactly one node's account entities rose by one",
            views => views.Count == before.Count
                && views.All(v => before.ContainsKey(v.Node))
                && views.Sum(v => v.View.Accounts - before[v.Node]) == 1
                && views.Count(v => v.View.Accounts == before[v.Node] + 1) == 1,
            TimeSpan.FromSeconds(10),
            cancellationToken);
        return views.Single(v => v.View.Accounts == before[v.Node] + 1).Node;
    }
}
