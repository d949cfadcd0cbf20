using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor.Setup;

namespace Eas.Actors.Persistence.Journal;

/// <summary>
/// The manifest table of one actor system: which explicit manifest string (<c>device-state.v1</c>) stands for which
/// persisted type, and the <see cref="JsonSerializerOptions"/> the payloads are written with. It is an Akka
/// <see cref="Setup"/> so that the table travels with the <see cref="Akka.Actor.ActorSystem"/> that uses it
/// (Akka.Hosting: <c>builder.AddSetup(setup)</c>, done by
/// <see cref="EasPersistenceHostingExtensions.WithEasPersistence"/>) instead of living in a static.
/// </summary>
/// <remarks>
/// <para>
/// The table is immutable: <see cref="With{T}"/> and <see cref="WithLegacy{T}"/> return a new table, so each area
/// (devices, mailboxes, licensing) can offer an extension that adds its own types, and the composition chains
/// them. An actor system holds one setup per setup type, so all areas share one table.
/// </para>
/// <para>
/// A manifest is a contract with rows already on disk: it never changes and is never reused for another shape.
/// A record may evolve compatibly under its manifest (add a property with a default, keep a renamed property's
/// old JSON name with <see cref="JsonPropertyNameAttribute"/>); an incompatible shape gets a new manifest
/// (<c>.v2</c>), and the old manifest stays registered with <see cref="WithLegacy{T}"/> for reading.
/// </para>
/// <para>
/// Polymorphic events need nothing special: each concrete type has its own manifest, and the manifest of the
/// stored row selects the type. A property typed as an abstract base inside a payload uses System.Text.Json's
/// <see cref="JsonDerivedTypeAttribute"/> with explicit discriminators, never CLR names.
/// </para>
/// </remarks>
public sealed class JsonManifestSetup : Setup
{
    private JsonManifestSetup(
        ImmutableDictionary<string, Type> typesByManifest,
        ImmutableDictionary<Type, string> manifestsByType,
        JsonSerializerOptions serializerOptions)
    {
        TypesByManifest = typesByManifest;
        ManifestsByType = manifestsByType;
        SerializerOptions = serializerOptions;
    }

    /// <summary>A table without types, with <see cref="CreateDefaultSerializerOptions"/>.</summary>
    public static JsonManifestSetup Empty { get; } = new(
        ImmutableDictionary<string, Type>.Empty,
        ImmutableDictionary<Type, string>.Empty,
        Frozen(CreateDefaultSerializerOptions()));

    /// <summary>Every manifest that can be read, current and legacy, with the type it is read as.</summary>
    public ImmutableDictionary<string, Type> TypesByManifest { get; }

    /// <summary>The manifest each type is written with (its current one).</summary>
    public ImmutableDictionary<Type, string> ManifestsByType { get; }

    /// <summary>Read-only options used for every payload.</summary>
    public JsonSerializerOptions SerializerOptions { get; }

    /// <summary>
    /// A new, still changeable copy of the options a table starts with, to extend (a converter) and hand to
    /// <see cref="WithSerializerOptions"/>: camelCase property names read case-insensitively, enums as their
    /// names (pin a renamed member's stored name with <see cref="JsonStringEnumMemberNameAttribute"/>), unknown
    /// properties ignored so that a removed property does not break old rows. Records with init-only properties,
    /// immutable collections and <see cref="DateTimeOffset"/> (ISO 8601 with offset) need no converter.
    /// </summary>
    /// <remarks>
    /// A property added later is missing from old rows and gets its default: for a constructor parameter the
    /// parameter's default value, for an init-only property its initializer. A default
    /// <see cref="ImmutableArray{T}"/> is not an empty one, so give such a property an initializer (<c>= [];</c>).
    /// </remarks>
    public static JsonSerializerOptions CreateDefaultSerializerOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    /// <summary>
    /// Registers <typeparamref name="T"/> as written and read under <paramref name="manifest"/>. A concrete type
    /// has exactly one current manifest; a manifest names exactly one type.
    /// </summary>
    public JsonManifestSetup With<T>(string manifest) where T : IPersistedMessage
    {
        var type = CheckNew<T>(manifest);
        if (ManifestsByType.TryGetValue(type, out var current))
        {
            throw new ArgumentException($"{type.Name} is already written as '{current}'; register older manifests with WithLegacy.", nameof(manifest));
        }

        return new(TypesByManifest.Add(manifest, type), ManifestsByType.Add(type, manifest), SerializerOptions);
    }

    /// <summary>
    /// Registers an older <paramref name="manifest"/> that is still read, as <typeparamref name="T"/>, but never
    /// written: the rows of a previous shape become the current record (missing properties take their defaults).
    /// </summary>
    public JsonManifestSetup WithLegacy<T>(string manifest) where T : IPersistedMessage
    {
        var type = CheckNew<T>(manifest);
        return new(TypesByManifest.Add(manifest, type), ManifestsByType, SerializerOptions);
    }

    /// <summary>The same table with other options, made read-only here so that nobody changes them later.</summary>
    public JsonManifestSetup WithSerializerOptions(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(TypesByManifest, ManifestsByType, Frozen(options));
    }

    /// <summary>The current manifest of <paramref name="type"/>.</summary>
    /// <exception cref="SerializationException">The type has no manifest in this table.</exception>
    public string ManifestOf(Type type) =>
        ManifestsByType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new SerializationException($"{type.FullName} has no manifest in the JsonManifestSetup; register it with With<{type.Name}>(\"...\").");

    /// <summary>The type rows with <paramref name="manifest"/> are read as.</summary>
    /// <exception cref="SerializationException">The manifest is unknown: written by a newer or foreign version.</exception>
    public Type TypeOf(string manifest) =>
        TypesByManifest.TryGetValue(manifest, out var type)
            ? type
            : throw new SerializationException($"Unknown manifest '{manifest}': no type is registered for it in the JsonManifestSetup (written by a newer version, or a type was removed without WithLegacy).");

    private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        if (!options.IsReadOnly)
        {
            options.MakeReadOnly(populateMissingResolver: true);
        }

        return options;
    }

    private Type CheckNew<T>(string manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        var type = typeof(T);
        if (type.IsAbstract)
        {
            throw new ArgumentException($"{type.Name} is abstract; each concrete type of a hierarchy gets its own manifest.", nameof(manifest));
        }

        if (TypesByManifest.TryGetValue(manifest, out var existing))
        {
            throw new ArgumentException($"Manifest '{manifest}' is already registered for {existing.Name}.", nameof(manifest));
        }

        return type;
    }
}
