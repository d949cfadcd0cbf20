using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Search;

/// <summary>
/// One match (search:Result, MS-ASCMD 2.2.3.152.2): a mailbox item with its class, LongId, folder and properties, or a
/// GAL entry with only its properties.
/// </summary>
public sealed record SearchResult
{
    /// <summary>airsync:Class (2.2.3.27.5), mailbox results: Email.</summary>
    public string? Class { get; init; }

    /// <summary>search:LongId (2.2.3.102): what ItemOperations Fetch and SmartReply/SmartForward name the item by.</summary>
    public string? LongId { get; init; }

    /// <summary>airsync:CollectionId (2.2.3.30.7): the item's folder.</summary>
    public string? CollectionId { get; init; }

    /// <summary>A mailbox item's search:Properties, built by the item's encoder (its children are the ApplicationData's).</summary>
    public WbxmlElement? Properties { get; init; }

    /// <summary>A GAL entry's properties, written per version.</summary>
    public SearchGalProperties? Gal { get; init; }
}

/// <summary>The GAL properties of a Search result (MS-ASCMD 2.2.3.78, the GAL code page), in the spec's order.</summary>
/// <param name="DisplayName">gal:DisplayName.</param>
/// <param name="EmailAddress">gal:EmailAddress.</param>
public sealed record SearchGalProperties(string DisplayName, string EmailAddress)
{
    public string? Phone { get; init; }
    public string? Office { get; init; }
    public string? Title { get; init; }
    public string? Company { get; init; }
    public string? Alias { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? HomePhone { get; init; }
    public string? MobilePhone { get; init; }

    /// <summary>gal:Picture (2.2.3.135.1), 14.1+, when the request asked for pictures: its Status, and Data on success.</summary>
    public SearchGalPicture? Picture { get; init; }
}

/// <summary>A gal:Picture: its Status and, on success, the JPEG bytes (gal:Data, base64 in the element).</summary>
public sealed record SearchGalPicture(SearchPictureStatus Status, byte[]? Data = null);
