using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Tests.TestKit;
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

    [Fact]
    public async Task An_ask_started_after_the_removal_s_cut_off_reached_the_new_home_and_is_left_alone()
    {
        var region = CreateTestProbe();
        var stats = new ClusterStats();
        var devices = new DeviceRegion(region.Ref, cluster: stats);
        var (lostAccount, _) = TwoAccountsOnDifferentShards();
        var cutOff = Environment.TickCount64;
        await Task.Delay(50);

        var ping = devices.ExecuteAsync(Request(lostAccount, EasCommand.Ping), Long, CancellationToken.None);
        region.ExpectMsg<AccountEnvelope>();
        var asker = region.LastSender;
        stats.ReportShardsLost(new ShardsLost("akka.tcp://eas@127.0.0.1:2", ImmutableHashSet.Create(ShardOf(lostAccount)), cutOff));

        await Task.Delay(200);
        ping.IsCompleted.ShouldBeFalse();
        asker.Tell(new RespondWith(new PingResponse(PingStatus.ChangesFound)));
        ((RespondWith)await ping.WaitAsync(TimeSpan.FromSeconds(10))).Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
    }

    [Fact]
    public async Task A_report_for_Pings_only_leaves_other_requests_to_their_answer()
    {
        var region = CreateTestProbe();
        var stats = new ClusterStats();
        var devices = new DeviceRegion(region.Ref, cluster: stats);
        var (lostAccount, _) = TwoAccountsOnDifferentShards();

        var ping = devices.ExecuteAsync(Request(lostAccount, EasCommand.Ping), Long, CancellationToken.None);
        var sync = devices.ExecuteAsync(Request(lostAccount, EasCommand.Sync), Long, CancellationToken.None);
        region.ExpectMsg<AccountEnvelope>();
        region.ExpectMsg<AccountEnvelope>();
        stats.ReportShardsLost(new ShardsLost("akka.tcp://eas@127.0.0.1:2", ImmutableHashSet.Create(ShardOf(lostAccount)), PingsOnly: true));

        ((RespondWith)await ping.WaitAsync(TimeSpan.FromSeconds(10))).Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        await Task.Delay(200);
        sync.IsCompleted.ShouldBeFalse("a Sync that may still run keeps its ask");
        devices.AsksRunning.ShouldBe(1);
    }

    private static string ShardOf(string account) =>
        Extractor.ShardId(account, null);

    private static (string Lost, string Kept) TwoAccountsOnDifferentShards()
    {
        var first = "lost@ox.io";
        var kept = Enumerable.Range(0, 1000).Select(i => $"kept{i}@ox.io").First(a => ShardOf(a) != ShardOf(first));
        return (first, kept);
    }

    private static DeviceRequest Request(string account, EasCommand command) => PhoneRequests.For(command, account: account);
}
