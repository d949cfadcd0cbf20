using Eas.Wire.Commands.Search;

namespace Eas.Wire.Commands.Find;

/// <summary>
/// One match (find:Result, MS-ASCMD 2.2.3.155.1): a mailbox item with airsync:Class, airsync:ServerId and
/// airsync:CollectionId and its find:Properties, or a GAL entry with its properties only.
/// </summary>
public sealed record FindResult
{
    /// <summary>airsync:Class (2.2.3.27.1): Email for a mailbox item.</summary>
    public string? Class { get; init; }

    /// <summary>airsync:ServerId (2.2.3.166.1): what ItemOperations Fetch names the item by.</summary>
    public string? ServerId { get; init; }

    /// <summary>airsync:CollectionId (2.2.3.30.1): the item's folder.</summary>
    public string? CollectionId { get; init; }

    /// <summary>A mailbox item's properties (find:Properties, 2.2.3.139.1).</summary>
    public FindMailProperties? Mail { get; init; }

    /// <summary>A GAL entry's properties (the gal: elements of find:Properties); Picture as Search writes it.</summary>
    public SearchGalProperties? Gal { get; init; }
}

/// <summary>
/// The properties of a mailbox match (find:Properties, MS-ASCMD 2.2.3.139.1): the short list Find defines, not a Sync
/// ApplicationData. Dates are MS-ASDTYPE 2.3 UTC.
/// </summary>
public sealed record FindMailProperties
{
    /// <summary>email:Subject.</summary>
    public string? Subject { get; init; }

    /// <summary>email:DateReceived.</summary>
    public DateTime DateReceived { get; init; }

    /// <summary>email:DisplayTo: the display names of the To recipients.</summary>
    public string? DisplayTo { get; init; }

    /// <summary>find:DisplayCc (2.2.3.50).</summary>
    public string? DisplayCc { get; init; }

    /// <summary>find:DisplayBcc (2.2.3.49).</summary>
    public string? DisplayBcc { get; init; }

    /// <summary>email:Importance: 0 low, 1 normal, 2 high.</summary>
    public int Importance { get; init; } = 1;

    /// <summary>email:Read.</summary>
    public bool Read { get; init; }

    /// <summary>email2:IsDraft (2.2.3.96).</summary>
    public bool IsDraft { get; init; }

    /// <summary>find:Preview (2.2.3.137): up to 255 characters of the body text.</summary>
    public string? Preview { get; init; }

    /// <summary>find:HasAttachments (2.2.3.82).</summary>
    public bool HasAttachments { get; init; }

    /// <summary>email:From.</summary>
    public string? From { get; init; }
}
