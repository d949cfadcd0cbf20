using System.Text.RegularExpressions;
using Akka.Actor;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster.Serialization;
using Eas.Actors.Devices;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence.Journal;
using Eas.Wire.Commands;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>Which serializer each cross-node message gets, under which names, and what may not cross.</summary>
public sealed partial class ClusterManifestTests(ServerSerialization server) : IClassFixture<ServerSerialization>
{
    [Fact]
    public void Every_message_of_the_table_is_bound_to_the_cluster_serializer_including_akkas_failure()
    {
        object[] samples =
        [
            .. ClusterSamples.RecordMessages(),
            new RespondWithContent("application/octet-stream", new MemoryStream([1, 2, 3])),
            ClusterSamples.Failure(new InvalidOperationException("boom")),
        ];

        samples.Select(s => s.GetType()).Distinct().Order(new TypeNameOrder()).ShouldBe(ClusterManifests.ByType.Keys.Order(new TypeNameOrder()));
        foreach (var sample in samples)
        {
            var serializer = server.System.Serialization.FindSerializerFor(sample);
            serializer.ShouldBeOfType<ClusterMessageSerializer>(sample.GetType().Name);
            serializer.Identifier.ShouldBe(ClusterMessageSerializer.SerializerId);
        }
    }

    [Fact]
    public void Persisted_replies_cross_with_the_journals_serializer_under_their_journal_manifests()
    {
        var state = server.Cross(ClusterSamples.Directory);
        var recorded = server.Cross(new AdminActionRecorded("diagnostics.trace", System.Text.Json.JsonDocument.Parse("""{"on":true}""").RootElement, "admin", ClusterSamples.Noon));

        state.Serializer.ShouldBeOfType<JsonManifestSerializer>();
        state.Manifest.ShouldBe(DirectoryManifests.State);
        state.Message.ShouldBeStructurallyEqual(ClusterSamples.Directory);
        recorded.Serializer.ShouldBeOfType<JsonManifestSerializer>();
        recorded.Manifest.ShouldBe(DirectoryManifests.AdminAction);
        var removal = new AccountDeviceRemoved("mike@ox.io", "outlook-a", ClusterSamples.Noon, ClusterSamples.Noon.AddDays(1)) { RemovedBy = "admin:root" };
        var removed = server.Cross(removal);
        removed.Serializer.ShouldBeOfType<JsonManifestSerializer>();
        removed.Message.ShouldBe(removal);
        ClusterManifests.ByType.Keys.ShouldNotContain(t => typeof(IPersistedMessage).IsAssignableFrom(t), "a type has one serializer: persisted types keep the journal's");
    }

    [Fact]
    public void No_manifest_or_kind_names_a_CLR_type()
    {
        var names = ClusterManifests.ByType
            .Concat(WireKinds.BodyKinds)
            .Concat(WireKinds.Hierarchies.Values.SelectMany(kinds => kinds.Select(k => KeyValuePair.Create(k.Type, k.Kind))))
            .ToList();

        foreach (var (type, name) in names)
        {
            ManifestShape().IsMatch(name).ShouldBeTrue($"{type.Name} travels as '{name}'");
            name.ShouldNotContain(type.Namespace!, Case.Insensitive, $"{type.Name} travels as '{name}'");
            name.ShouldNotContain(type.Assembly.GetName().Name!, Case.Insensitive, $"{type.Name} travels as '{name}'");
        }

        ClusterManifests.ByType.Values.ShouldBeUnique();
        WireKinds.BodyKinds.Values.ShouldBeUnique();
        foreach (var kinds in WireKinds.Hierarchies.Values) kinds.Select(k => k.Kind).ShouldBeUnique();
    }

    [Fact]
    public void No_payload_carries_a_CLR_type_name()
    {
        foreach (var sample in ClusterSamples.RecordMessages())
        {
            var json = server.Cross(sample).Json;
            foreach (var clrName in new[] { "Eas.", "System.", "Akka.", ", Eas" }) json.ShouldNotContain(clrName, Case.Sensitive, $"{sample.GetType().Name}: {json}");
        }
    }

    [Fact]
    public void Every_concrete_type_of_a_polymorphic_wire_record_has_a_kind()
    {
        foreach (var (baseType, kinds) in WireKinds.Hierarchies)
        {
            var concrete = new[] { baseType.Assembly, typeof(DeviceRequest).Assembly }
                .SelectMany(a => a.GetTypes())
                .Where(t => !t.IsAbstract && !t.IsInterface && baseType.IsAssignableFrom(t));
            kinds.Select(k => k.Type).ShouldBe(concrete, ignoreOrder: true, $"the kinds of {baseType.Name}");
        }
    }

    [Fact]
    public void Credentials_can_cross_only_inside_a_device_request()
    {
        var carriers = ClusterManifests.ByType.Keys.Where(t => TypeGraph.Reaches(t, typeof(MailCredentials))).ToList();

        carriers.ShouldBe([typeof(Actors.Cluster.AccountEnvelope), typeof(ExecuteDeviceCommand)], ignoreOrder: true);
    }

    [Fact]
    public void A_message_that_stays_inside_an_account_entity_cannot_cross_inside_an_envelope()
    {
        var envelope = ClusterSamples.Envelope(new UnwatchFolders("mike@ox.io/applf17xk2qj"));

        var e = Should.Throw<System.Runtime.Serialization.SerializationException>(() => server.Cross(envelope));

        e.Message.ShouldContain(nameof(UnwatchFolders));
    }

    [Fact]
    public void An_unknown_manifest_is_a_serialization_exception_that_names_it()
    {
        var serializer = (ClusterMessageSerializer)server.System.Serialization.FindSerializerFor(GetAccount.Instance);

        var e = Should.Throw<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary("{}"u8.ToArray(), "account.rename.v9"));

        e.Message.ShouldContain("account.rename.v9");
    }

    [Fact]
    public void A_malformed_payload_is_a_serialization_exception_that_shows_no_value()
    {
        var serializer = (ClusterMessageSerializer)server.System.Serialization.FindSerializerFor(GetAccount.Instance);

        var e = Should.Throw<System.Runtime.Serialization.SerializationException>(
            () => serializer.FromBinary("""{"request":{"credentials":{"login":"mike","password":"s3cret-Pa55"},"line":42}}"""u8.ToArray(), ClusterManifests.ExecuteDeviceCommand));

        e.Message.ShouldContain(ClusterManifests.ExecuteDeviceCommand);
        e.Message.ShouldNotContain("s3cret");
    }

    [Fact]
    public void The_frame_carries_the_largest_request_body_or_attachment_twice_over()
    {
        var config = server.System.Settings.Config;

        config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size").ShouldBe((long?)Actors.Cluster.EasClusterSerializationHosting.MaximumFrameBytes(ServerSerialization.MaxBodyBytes));
        ((long)Actors.Cluster.EasClusterSerializationHosting.MaximumFrameBytes(ServerSerialization.MaxBodyBytes)).ShouldBeGreaterThan(2L * ServerSerialization.MaxBodyBytes);
        ((long)Actors.Cluster.EasClusterSerializationHosting.MaximumFrameBytes(0)).ShouldBeGreaterThan(2L * 32 * 1024 * 1024);
    }

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$")]
    private static partial Regex ManifestShape();

    private sealed class TypeNameOrder : IComparer<Type>
    {
        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
