using System.Collections.Immutable;

namespace Eas.Wire.Commands.Search;

/// <summary>What one element of a Search Query asks (MS-ASCMD 2.2.3.138, 2.2.3.147).</summary>
public enum SearchCriterionKind
{
    /// <summary>search:And: every child must match (2.2.3.7).</summary>
    And,

    /// <summary>search:Or: any child matches (2.2.3.124); Exchange does not support it, nor does this server.</summary>
    Or,

    /// <summary>search:FreeText: the words appear in the item (2.2.3.74).</summary>
    FreeText,

    /// <summary>search:EqualTo of a property (2.2.3.64): <see cref="SearchCriterion.Property"/> equals the value.</summary>
    EqualTo,

    /// <summary>search:GreaterThan (2.2.3.80): the property (email:DateReceived) is later than the value.</summary>
    GreaterThan,

    /// <summary>search:LessThan (2.2.3.98): the property (email:DateReceived) is earlier than the value.</summary>
    LessThan,

    /// <summary>search:ConversationId (2.2.3.35.2): the items of one conversation; the value is base64 of the id's bytes.</summary>
    ConversationId,

    /// <summary>airsync:Class (2.2.3.27.5): the item class searched, Email for a mailbox.</summary>
    Class,

    /// <summary>airsync:CollectionId (2.2.3.30.7): the folder searched.</summary>
    CollectionId,
}

/// <summary>
/// One element of a mailbox Search Query, as a tree (MS-ASCMD 2.2.3.147.2): And holds the others; the leaves carry
/// their value. A GAL query is a plain string and does not use this type.
/// </summary>
/// <param name="Kind">The element.</param>
public sealed record SearchCriterion(SearchCriterionKind Kind)
{
    /// <summary>The value: FreeText's words, Class, CollectionId, the ConversationId's base64 text, or the compared value (search:Value).</summary>
    public string? Value { get; init; }

    /// <summary>The property an EqualTo, GreaterThan or LessThan compares (the tag of its empty element, e.g. email:DateReceived).</summary>
    public ushort? Property { get; init; }

    /// <summary>The children of And and Or.</summary>
    public ImmutableArray<SearchCriterion> Children { get; init; } = [];
}
