using System.Collections.Immutable;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// One term of a content model as the XML schemas of MS-ASCMD section 6 and the data-class specifications
/// write them: an element, a sequence, a choice, an all group, or a wildcard over whole code pages, each
/// with its minOccurs and maxOccurs.
/// </summary>
internal abstract record SchemaParticle(int Min, int Max)
{
    /// <summary>maxOccurs="unbounded".</summary>
    public const int Unbounded = int.MaxValue;

    /// <summary>The tags that can start this particle; a wildcard contributes none and is asked directly.</summary>
    public abstract IEnumerable<ushort> FirstTags { get; }

    /// <summary>Whether the particle can start with an element of <paramref name="tag"/>.</summary>
    public abstract bool CanStartWith(ushort tag);
}

/// <summary>How an element's content is checked.</summary>
internal enum SchemaContent
{
    /// <summary>A simple type: text, opaque bytes or nothing, never child elements.</summary>
    Value,

    /// <summary>A complex type: child elements as the model says, never a value.</summary>
    Elements,

    /// <summary>Either a value or child elements as the model says (provision:Data: a 2.5 wap-provisioningdoc string, or an EASProvisionDoc).</summary>
    ValueOrElements,
}

/// <summary>An element declaration in its context: the tag, how many, and its own content model.</summary>
internal sealed record SchemaElement(ushort Tag, SchemaContent Content, SchemaParticle? Model, int Min = 1, int Max = 1) : SchemaParticle(Min, Max)
{
    public override IEnumerable<ushort> FirstTags => [Tag];

    public override bool CanStartWith(ushort tag) => tag == Tag;

    public SchemaElement Optional() => this with { Min = 0 };

    public SchemaElement Many(int max = Unbounded) => this with { Max = max };

    public override string ToString() => CodePageTable.Describe(Tag);
}

/// <summary>xs:sequence, xs:choice or xs:all.</summary>
internal enum SchemaGroupKind
{
    Sequence,
    Choice,
    All,
}

/// <summary>A model group; an all group's members are elements that occur at most once, in any order.</summary>
internal sealed record SchemaGroup(SchemaGroupKind Kind, ImmutableArray<SchemaParticle> Items, int Min = 1, int Max = 1) : SchemaParticle(Min, Max)
{
    public override IEnumerable<ushort> FirstTags => Kind == SchemaGroupKind.Sequence ? SequenceFirstTags() : Items.SelectMany(i => i.FirstTags);

    public override bool CanStartWith(ushort tag) => Kind == SchemaGroupKind.Sequence ? SequenceCanStartWith(tag) : Items.Any(i => i.CanStartWith(tag));

    public SchemaGroup Optional() => this with { Min = 0 };

    public SchemaGroup Many(int max = Unbounded) => this with { Max = max };

    private IEnumerable<ushort> SequenceFirstTags()
    {
        foreach (var item in Items)
        {
            foreach (var tag in item.FirstTags) yield return tag;
            if (item.Min > 0) yield break;
        }
    }

    private bool SequenceCanStartWith(ushort tag)
    {
        foreach (var item in Items)
        {
            if (item.CanStartWith(tag)) return true;
            if (item.Min > 0) return false;
        }

        return false;
    }
}

/// <summary>
/// Any one element of the listed code pages, its content unchecked: stands for a data class's whole
/// AllProps group (calendar, contacts, tasks, notes, document library) that this server does not write,
/// so that a response carrying one is not reported while nothing of ours can produce it.
/// </summary>
internal sealed record SchemaWildcard(ImmutableArray<byte> Pages, int Min = 1, int Max = 1) : SchemaParticle(Min, Max)
{
    public override IEnumerable<ushort> FirstTags => [];

    public override bool CanStartWith(ushort tag) => Pages.Contains((byte)(tag >> 8));

    public SchemaWildcard Optional() => this with { Min = 0 };

    public SchemaWildcard Many(int max = Unbounded) => this with { Max = max };

    public override string ToString() => "any element of " + string.Join(", ", Pages.Select(CodePageTable.NamespaceOf));
}
