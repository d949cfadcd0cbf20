namespace Eas.Integration.Tests.Support.Schema;

/// <summary>What the first departure from the schema was, and where.</summary>
internal enum SchemaViolationKind
{
    /// <summary>An element the parent's content model has no place for.</summary>
    Unexpected,

    /// <summary>An element the model has, but not at this position.</summary>
    WrongOrder,

    /// <summary>A required element (or a required choice) is absent.</summary>
    Missing,

    /// <summary>An element occurs more often than its maxOccurs.</summary>
    TooMany,

    /// <summary>A simple-typed element has child elements, or a complex one a value.</summary>
    WrongContent,

    /// <summary>The document's root is not the command's response element.</summary>
    WrongRoot,
}

/// <summary>
/// The first violation in a response: the path of the element whose content breaks its model
/// (<c>Sync/Collections/Collection[2]/Commands</c>), what is wrong, and that element's children in order.
/// </summary>
internal sealed record SchemaViolation(SchemaViolationKind Kind, string Path, string Message, IReadOnlyList<string> Children)
{
    public override string ToString() =>
        $"{Kind} at {Path}: {Message}. Children of {Path}: [{string.Join(", ", Children)}]";
}
