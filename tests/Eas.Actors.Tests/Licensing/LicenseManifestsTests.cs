using System.Text;
using Akka.Actor;
using Akka.Actor.Setup;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Licensing;

public sealed class LicenseManifestsTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.FromHours(1));

    public LicenseManifestsTests()
        : base(JsonManifestSetup.Empty.WithLicenseManifests().And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerFor(LicenseState.Empty);

    [Fact]
    public void Every_event_and_the_snapshot_round_trip_under_their_explicit_manifests_without_clr_names()
    {
        object[] written =
        [
            new LicenseFirstStarted(Noon),
            new SlotGranted("a@x", Noon),
            new AccountTurnedOff("b@x", Noon),
            new SlotReleased("a@x", "admin:root", Noon),
        ];

        written.Select(Serializer.Manifest).ShouldBe([LicenseManifests.FirstStarted, LicenseManifests.SlotGranted, LicenseManifests.AccountTurnedOff, LicenseManifests.SlotReleased]);
        foreach (var e in written)
        {
            var bytes = Serializer.ToBinary(e);
            Serializer.FromBinary(bytes, Serializer.Manifest(e)).ShouldBe(e);
            var json = Encoding.UTF8.GetString(bytes);
            json.ShouldNotContain("Eas.Actors");
            json.ShouldNotContain("\"change\"", Case.Insensitive);
        }
    }

    [Fact]
    public void The_state_keeps_its_holders_in_order()
    {
        var state = LicenseDecisions.ApplyAll(LicenseState.Empty, [new LicenseFirstStarted(Noon), new SlotGranted("b@x", Noon), new SlotGranted("a@x", Noon.AddMinutes(1)), new AccountTurnedOff("c@x", Noon.AddMinutes(2))]);

        var back = (LicenseState)Serializer.FromBinary(Serializer.ToBinary(state), LicenseManifests.State);

        back.FirstStart.ShouldBe(Noon);
        back.Holders.ShouldBe(state.Holders);
        back.TurnedOff.ShouldBe(state.TurnedOff);
    }

    [Fact]
    public void Only_a_release_is_by_someone_other_than_the_license()
    {
        new SlotGranted("a@x", Noon).By.ShouldBe(LicenseEvent.OwnDecision);
        new SlotReleased("a@x", "admin:root", Noon).By.ShouldBe("admin:root");
        new SlotReleased("a@x", "admin:root", Noon).Change.ShouldBe("license.slot_released");
    }
}
