using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Actor.Setup;
using Eas.Actors.Accounts;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Accounts;

public sealed class DirectoryManifestsTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.FromHours(1));

    public DirectoryManifestsTests()
        : base(JsonManifestSetup.Empty.WithDirectoryManifests().And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerFor(DirectoryState.Default);

    public static TheoryData<DirectoryChange, string> Changes => new()
    {
        { new SetServiceEnabled(false), "service-enabled" },
        { new SetServiceDefaults(new FeatureSettings(Email: false)), "service-defaults" },
        { new SetDomainDefaults("ox.io", null), "domain-defaults" },
        { new SetAccountClass("staff", new FeatureSettings(ActiveSync: false)), "account-class" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_kind_of_change_is_stored_under_its_explicit_discriminator_and_read_back(DirectoryChange change, string discriminator)
    {
        var e = new DirectoryChanged(change, "admin:root", Noon);

        var bytes = Serializer.ToBinary(e);
        var back = Serializer.FromBinary(bytes, DirectoryManifests.Changed).ShouldBeOfType<DirectoryChanged>();

        Serializer.Manifest(e).ShouldBe(DirectoryManifests.Changed);
        back.ShouldBe(e);
        var json = Encoding.UTF8.GetString(bytes);
        json.ShouldContain($"\"$type\":\"{discriminator}\"");
        json.ShouldNotContain("Eas.Actors");
        ((IAuditedEvent)back).Change.ShouldStartWith("directory.Set");
    }

    [Fact]
    public void An_admin_action_keeps_its_details_as_json()
    {
        using var details = JsonDocument.Parse("""{"traceUsers":["mike@ox.io"]}""");
        var e = new AdminActionRecorded("diagnostics.trace", details.RootElement.Clone(), "admin:root", Noon);

        var back = Serializer.FromBinary(Serializer.ToBinary(e), Serializer.Manifest(e)).ShouldBeOfType<AdminActionRecorded>();

        (back.Change, back.By, back.At).ShouldBe(("diagnostics.trace", "admin:root", Noon));
        back.Details.GetProperty("traceUsers")[0].GetString().ShouldBe("mike@ox.io");
    }

    [Fact]
    public void The_snapshot_is_read_back_with_ordinal_names()
    {
        var state = DirectoryDecisions.Apply(DirectoryDecisions.Apply(DirectoryState.Default, new SetDomainDefaults("b.io", new(Pim: false))), new SetAccountClass("A", new(Email: true)));

        var back = (DirectoryState)Serializer.FromBinary(Serializer.ToBinary(state), DirectoryManifests.State);

        back.Domains.KeyComparer.ShouldBe(StringComparer.Ordinal);
        back.Classes.KeyComparer.ShouldBe(StringComparer.Ordinal);
        back.Domains["b.io"].ShouldBe(new FeatureSettings(Pim: false));
        back.Classes.Keys.ShouldBe(["a"]);
    }

    [Fact]
    public void Access_rules_and_policy_levels_are_stored_under_their_discriminators_and_the_snapshot_keeps_them_with_ordinal_names()
    {
        var rule = new Eas.Actors.Devices.Access.DeviceAccessRule(Eas.Actors.Devices.Access.DeviceCharacteristic.UserAgent, "Outlook-iOS/*", Eas.Actors.Devices.Access.DeviceAccessLevel.Quarantine);
        DirectoryChange[] changes =
        [
            new SetDeviceAccessRules(DirectoryLevel.Account, "Mike@ox.io", [rule]),
            new SetDefaultAccessLevel(Eas.Actors.Devices.Access.DeviceAccessLevel.Block),
            new SetPolicySettings(DirectoryLevel.Class, "Gold", System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("AllowCamera", "0")),
        ];
        var state = DirectoryState.Default;
        foreach (var change in changes)
        {
            var bytes = Serializer.ToBinary(new DirectoryChanged(change, "admin:root", Noon));
            var back = Serializer.FromBinary(bytes, DirectoryManifests.Changed).ShouldBeOfType<DirectoryChanged>();
            Encoding.UTF8.GetString(bytes).ShouldNotContain("Eas.Actors");
            state = DirectoryDecisions.Apply(state, back.Change);
        }

        var restored = (DirectoryState)Serializer.FromBinary(Serializer.ToBinary(state), DirectoryManifests.State);

        restored.AccessRules.Accounts.KeyComparer.ShouldBe(StringComparer.Ordinal);
        restored.AccessRules.Accounts["mike@ox.io"].ShouldBe([rule]);
        restored.AccessRules.DefaultLevel.ShouldBe(Eas.Actors.Devices.Access.DeviceAccessLevel.Block);
        restored.Policies.Classes.KeyComparer.ShouldBe(StringComparer.Ordinal);
        restored.Policies.Classes["gold"]["AllowCamera"].ShouldBe("0");
    }
}
