using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Persistence.Journal;

public sealed class JsonManifestSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    public JsonManifestSerializerTests()
        : base(TallyManifests.Setup.And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerFor(new ItemRemoved("a", TallySamples.Noon));

    [Fact]
    public void Every_persisted_type_is_bound_to_the_serializer_with_its_fixed_identifier()
    {
        Sys.Serialization.FindSerializerFor(new ItemAdded("a", "apple", TallySamples.Noon)).ShouldBeOfType<JsonManifestSerializer>();
        Sys.Serialization.FindSerializerFor(TallyState.Empty).ShouldBeOfType<JsonManifestSerializer>();
        Serializer.Identifier.ShouldBe(JsonManifestSerializer.SerializerId);
    }

    [Fact]
    public void Each_concrete_event_of_a_hierarchy_is_written_with_its_own_manifest_and_read_back_as_that_type()
    {
        TallyEvent[] events = [new ItemAdded("a", "apple", TallySamples.Noon, 3, ItemColor.Red) { Tags = ["fruit", "red"] }, new ItemRemoved("a", TallySamples.Noon.AddMinutes(5))];

        var manifests = events.Select(Serializer.Manifest).ToArray();
        var back = events.Select(e => Serializer.FromBinary(Serializer.ToBinary(e), Serializer.Manifest(e))).ToArray();

        manifests.ShouldBe([TallyManifests.ItemAddedV2, TallyManifests.ItemRemovedV1]);
        var added = back[0].ShouldBeOfType<ItemAdded>();
        (added.Id, added.Title, added.At, added.Quantity, added.Color).ShouldBe(("a", "apple", TallySamples.Noon, 3, ItemColor.Red));
        added.Tags.ShouldBe(["fruit", "red"]);
        back[1].ShouldBe(events[1]);
    }

    [Fact]
    public void Records_with_immutable_collections_offsets_and_enums_round_trip_and_enums_are_names()
    {
        var state = TallyState.Empty
            .Apply(new ItemAdded("a", "apple", TallySamples.Noon, 2, ItemColor.Green) { Tags = ["x"] })
            .Apply(new ItemAdded("b", "pear", TallySamples.Noon.AddHours(1)))
            .Apply(new ItemRemoved("b", TallySamples.Noon.AddHours(2)));

        var bytes = Serializer.ToBinary(state);
        var back = (TallyState)Serializer.FromBinary(bytes, TallyManifests.StateV1);

        back.Describe().ShouldBe(state.Describe());
        back.LastChange.ShouldBe(TallySamples.Noon.AddHours(2));
        back.LastChange!.Value.Offset.ShouldBe(TimeSpan.FromHours(1));
        var json = Encoding.UTF8.GetString(bytes);
        json.ShouldContain("\"color\":\"Green\"");
        json.ShouldContain("\"lastChange\":\"2026-12-06T14:00:00+01:00\"");
        json.ShouldNotContain("Eas.Actors");
    }

    [Fact]
    public void A_row_of_the_old_shape_under_the_legacy_manifest_is_read_by_the_current_record()
    {
        var v1 = """{"id":"a","name":"apple","at":"2026-12-06T12:00:00+01:00"}"""u8.ToArray();

        var added = Serializer.FromBinary(v1, TallyManifests.ItemAddedV1).ShouldBeOfType<ItemAdded>();

        added.Title.ShouldBe("apple");
        added.Quantity.ShouldBe(1);
        added.Color.ShouldBe(ItemColor.Plain);
        added.Tags.ShouldBeEmpty();
        Serializer.Manifest(added).ShouldBe(TallyManifests.ItemAddedV2);
    }

    [Fact]
    public void An_unknown_manifest_is_a_serialization_exception_that_names_it()
    {
        var e = Should.Throw<SerializationException>(() => Serializer.FromBinary("{}"u8.ToArray(), "tally.item-renamed.v9"));

        e.Message.ShouldContain("'tally.item-renamed.v9'");
    }

    [Fact]
    public void A_payload_that_does_not_fit_its_type_is_a_serialization_exception_that_names_the_manifest()
    {
        var e = Should.Throw<SerializationException>(() => Serializer.FromBinary("{\"id\":"u8.ToArray(), TallyManifests.ItemRemovedV1));

        e.Message.ShouldContain(TallyManifests.ItemRemovedV1);
    }

    [Fact]
    public void A_type_without_a_manifest_is_refused_by_name()
    {
        var e = Should.Throw<SerializationException>(() => Serializer.Manifest(new ItemForgotten("a")));

        e.Message.ShouldContain(nameof(ItemForgotten));
    }

    [Fact]
    public void The_table_refuses_a_reused_manifest_a_second_current_manifest_and_abstract_types()
    {
        Should.Throw<ArgumentException>(() => TallyManifests.Setup.With<ItemForgotten>(TallyManifests.ItemRemovedV1)).Message.ShouldContain(nameof(ItemRemoved));
        Should.Throw<ArgumentException>(() => TallyManifests.Setup.With<ItemAdded>("tally.item-added.v3")).Message.ShouldContain(TallyManifests.ItemAddedV2);
        Should.Throw<ArgumentException>(() => JsonManifestSetup.Empty.With<TallyEvent>("tally.event")).Message.ShouldContain("abstract");
    }

    [Fact]
    public void Extended_default_options_are_frozen_when_the_table_takes_them()
    {
        var options = JsonManifestSetup.CreateDefaultSerializerOptions();
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;

        var setup = TallyManifests.Setup.WithSerializerOptions(options);

        Should.Throw<InvalidOperationException>(() => options.WriteIndented = true);
        JsonSerializer.Serialize(TallySamples.Final, setup.SerializerOptions).ShouldContain("\"last_change\":");
        setup.TypeOf(TallyManifests.StateV1).ShouldBe(typeof(TallyState));
    }

    [Fact]
    public void A_system_bound_to_the_serializer_without_a_table_fails_at_start()
    {
        var e = Should.Throw<Exception>(() => ActorSystem.Create("no-table", ConfigurationFactory.ParseString("akka.loglevel = OFF").WithFallback(JsonManifestSerializer.Bindings)));

        e.ToString().ShouldContain(nameof(JsonManifestSetup));
    }
}
