using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Cluster;

/// <summary>
/// Asks sent to the shards of a member that was removed from the cluster end at once: a Ping with Status 1, anything
/// else as its deadline would end it; asks to other shards go on.
/// </summary>
public sealed class DeviceRegionShardLossTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);
    private static readonly AccountMessageExtractor Extractor = new(AccountMessageExtractor.DefaultShards);

    [Fact]
    public async Task The_asks_to_a_removed_members_shards_end_at_once_and_the_others_wait_for_their_answer()
    {
        var region = CreateTestProbe();
        var stats = new ClusterStats();
        var devices = new DeviceRegion(region.Ref, cluster: stats);
        var (lostAccount, keptAccount) = TwoAccountsOnDifferentShards();

        var ping = devices.ExecuteAsync(Request(lostAccount, EasCommand.Ping), Long, CancellationToken.None);
        var sync = devices.ExecuteAsync(Request(lostAccount, EasCommand.Sync), Long, CancellationToken.None);
        var other = devices.ExecuteAsync(Request(keptAccount, EasCommand.Ping), Long, CancellationToken.None);
        region.ExpectMsg<AccountEnvelope>();
        region.ExpectMsg<AccountEnvelope>();
        var otherEnvelope = region.ExpectMsg<AccountEnvelope>(e => e.AccountId == keptAccount);
        var otherAsker = region.LastSender;
        devices.AsksRunning.ShouldBe(3);

        stats.ReportShardsLost(new ShardsLost("akka.tcp://eas@127.0.0.1:2", ImmutableHashSet.Create(ShardOf(lostAccount))));

        var answer = (await ping.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeOfType<RespondWith>();
        answer.Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        await Should.ThrowAsync<AskTimeoutException>(sync.WaitAsync(TimeSpan.FromSeconds(10)));
        other.IsCompleted.ShouldBeFalse();

        otherAsker.Tell(new RespondWith(new PingResponse(PingStatus.ChangesFound)));
        ((RespondWith)await other.WaitAsync(TimeSpan.FromSeconds(10))).Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
        otherEnvelope.AccountId.ShouldBe(keptAccount);
        devices.AsksRunning.ShouldBe(0);
    }

    private static string ShardOf(string account) =>
        Extractor.ShardId(account, null);

    private static (string Lost, string Kept) TwoAccountsOnDifferentShards()
    {
        var first = "lost@ox.io";
        var kept = Enumerable.Range(0, 1000).Select(i => $"kept{i}@ox.io").First(a => ShardOf(a) != ShardOf(first));
        return (first, kept);
    }

    private static DeviceRequest Request(string account, EasCommand command) => new(
        account,
        account,
        new EasRequestLine
        {
            Command = command,
            DeviceId = "Phone1",
            DeviceType = "TestPhone",
            ProtocolVersion = ProtocolVersion.V141,
            Encoding = EasQueryEncoding.Plain,
        },
        null);
}
