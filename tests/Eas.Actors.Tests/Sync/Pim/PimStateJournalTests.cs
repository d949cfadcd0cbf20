using System.Text.Json;
using Akka.Actor;
using Akka.Actor.Setup;
using Eas.Actors.Devices;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;

namespace Eas.Actors.Tests.Sync.Pim;

/// <summary>The contacts sync state in the device journal: explicit manifests, and a window's delta that reads back to the same state.</summary>
public sealed class PimStateJournalTests : Akka.TestKit.Xunit2.TestKit
{
    public PimStateJournalTests()
        : base(JsonManifestSetup.Empty.WithDeviceManifests().And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerForType(typeof(PimStateAdvanced));

    [Fact]
    public void A_window_delta_and_a_whole_state_round_trip_through_the_journal_serializer_under_their_manifests()
    {
        var listing = new PimChangeSet("t1", true, [.. Enumerable.Range(0, 30).Select(i => new PimItemVersion($"i{i}", "1"))], []);
        var started = PimSync.Start("e") with { Supported = [0x0518] };
        var (first, _, _) = PimSync.NextWindow(PimSync.TakeIn(started, listing), "7", 10, forceNewKey: false);
        first = PimSync.Answered(first, started, started.Counter);
        var (second, _, _) = PimSync.NextWindow(PimSync.TakeIn(PimSync.Confirm(first), listing), "7", 10, forceNewKey: false);
        second = PimSync.Answered(second, first, first.Counter);

        var whole = new PimStateChanged("7", first);
        Serializer.Manifest(whole).ShouldBe("device.pim-state-changed.v1");
        var readWhole = Serializer.FromBinary(Serializer.ToBinary(whole), Serializer.Manifest(whole)).ShouldBeOfType<PimStateChanged>();
        JsonSerializer.Serialize(readWhole.State).ShouldBe(JsonSerializer.Serialize(first));

        var advanced = new PimStateAdvanced("7", PimStateDelta.Between(first, second)!);
        Serializer.Manifest(advanced).ShouldBe("device.pim-state-advanced.v1");
        var read = Serializer.FromBinary(Serializer.ToBinary(advanced), Serializer.Manifest(advanced)).ShouldBeOfType<PimStateAdvanced>();
        var applied = read.Delta.ApplyTo(readWhole.State);
        applied.Key.ShouldBe(second.Key);
        applied.Items.Count.ShouldBe(second.Items.Count);
        applied.PendingAdds.Keys.ShouldBe(second.PendingAdds.Keys);
        applied.Sent!.Adds.ShouldBe(second.Sent!.Adds);
        applied.PreviousKey.ShouldBe(first.Key);
        read.Delta.PendingAdds.Removed.Length.ShouldBe(10, "the delta holds the window, not the collection");
    }
}
