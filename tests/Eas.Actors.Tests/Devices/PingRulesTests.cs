using System.Collections.Immutable;
using Eas.Actors.Devices;
using Eas.Wire.Commands.Ping;

namespace Eas.Actors.Tests.Devices;

/// <summary>
/// The Ping parameters a device keeps (MS-ASCMD 2.2.3.88.1): a Ping that repeats them, as phones with push do after
/// every answer, decides the same parameters, so no <see cref="PingParametersSet"/> is written for it.
/// </summary>
public sealed class PingRulesTests
{
    private static readonly PingLimits Limits = new();

    private static PingRequest Ping(int heartbeat, params string[] folders) =>
        new() { HeartbeatInterval = heartbeat, Folders = [.. folders.Select(id => new PingFolder(id, "Email"))] };

    [Fact]
    public void A_Ping_that_repeats_the_kept_heartbeat_and_folders_decides_equal_parameters()
    {
        var (kept, _) = PingRules.Decide(null, Ping(900, "1", "7"), Limits);

        var (again, refusal) = PingRules.Decide(kept, Ping(900, "1", "7"), Limits);

        refusal.ShouldBeNull();
        again.ShouldBe(kept);
        again!.GetHashCode().ShouldBe(kept!.GetHashCode());
    }

    [Fact]
    public void Another_heartbeat_other_folders_or_another_order_are_new_parameters()
    {
        var kept = new PingParameters(900, ["1", "7"]);

        new PingParameters(600, ["1", "7"]).ShouldNotBe(kept);
        new PingParameters(900, ["1"]).ShouldNotBe(kept);
        new PingParameters(900, ["7", "1"]).ShouldNotBe(kept);
        new PingParameters(900, ImmutableArray.Create("1", "7")).ShouldBe(kept);
    }
}
