using Eas.Wire.CodePages;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>The small vocabulary the per-command tables are written in.</summary>
internal static class Schema
{
    public const int Unbounded = SchemaParticle.Unbounded;

    /// <summary>An element with a simple value.</summary>
    public static SchemaElement Value(ushort tag) => new(tag, SchemaContent.Value, null);

    /// <summary>An element whose content is a sequence of the given particles.</summary>
    public static SchemaElement Node(ushort tag, params SchemaParticle[] sequence) => new(tag, SchemaContent.Elements, Sequence(sequence));

    /// <summary>An element whose content is the given model group.</summary>
    public static SchemaElement Node(ushort tag, SchemaGroup model) => new(tag, SchemaContent.Elements, model);

    public static SchemaGroup Sequence(params SchemaParticle[] items) => new(SchemaGroupKind.Sequence, [.. items]);

    public static SchemaGroup Choice(params SchemaParticle[] items) => new(SchemaGroupKind.Choice, [.. items]);

    /// <summary>xs:all: every member is a single element, each at most once, in any order.</summary>
    public static SchemaGroup All(params SchemaElement[] items) => new(SchemaGroupKind.All, [.. items]);

    /// <summary>One element of any of the pages, unchecked (see <see cref="SchemaWildcard"/>).</summary>
    public static SchemaWildcard AnyOf(params byte[] pages) => new([.. pages]);

    /// <summary>The values of a list of tags as optional simple elements, for the long all-optional lists.</summary>
    public static SchemaElement[] OptionalValues(params ushort[] tags) => [.. tags.Select(tag => Value(tag).Optional())];

    /// <summary>A command's top-level element.</summary>
    public static string Describe(ushort tag) => CodePageTable.Describe(tag);
}
