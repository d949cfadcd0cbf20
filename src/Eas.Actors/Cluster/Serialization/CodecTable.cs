using System.Collections.Frozen;
using System.Runtime.Serialization;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// A closed set of <see cref="ClusterCodec"/>s looked up by type (when writing) and by manifest (when reading). Each
/// type has one manifest and each manifest one type; the tables are built once, in code, so a duplicate fails at
/// start and an unregistered type fails on the node that tries to send it, with its name.
/// </summary>
internal sealed class CodecTable
{
    private readonly FrozenDictionary<Type, ClusterCodec> _byType;
    private readonly FrozenDictionary<string, ClusterCodec> _byManifest;

    public CodecTable(string name, params IEnumerable<ClusterCodec> codecs)
    {
        Name = name;
        Codecs = [.. codecs];
        _byType = Codecs.ToFrozenDictionary(c => c.Type);
        _byManifest = Codecs.ToFrozenDictionary(c => c.Manifest, StringComparer.Ordinal);
    }

    /// <summary>What the table is for, in error messages.</summary>
    public string Name { get; }

    public IReadOnlyList<ClusterCodec> Codecs { get; }

    /// <exception cref="SerializationException">The type may not cross between nodes in this place.</exception>
    public ClusterCodec Of(Type type) =>
        _byType.TryGetValue(type, out var codec)
            ? codec
            : throw new SerializationException($"{type.Name} has no manifest among the {Name}: it may not cross between nodes there.");

    /// <exception cref="SerializationException">The manifest is unknown here: sent by a newer or an older node.</exception>
    public ClusterCodec Of(string manifest) =>
        _byManifest.TryGetValue(manifest, out var codec)
            ? codec
            : throw new SerializationException($"Unknown manifest '{manifest}' among the {Name} (sent by a node of another version?).");
}
