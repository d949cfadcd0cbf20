using System.Collections.Immutable;
using Eas.Wire.Commands;

namespace Eas.Actors.Sync.Email.Drafts;

/// <summary>
/// What a 16.0+ phone sends for a draft in a Sync Add or Change (MS-ASEMAIL 2.2.2 with MS-ASAIRS 2.2.2.8): each
/// field it sent, null for one it left out. In a Change a field left out keeps the draft's value (MS-ASCMD
/// 2.2.3.24: the phone sends what changed); in an Add it is empty.
/// </summary>
public sealed record DraftFields
{
    /// <summary>email:To (MS-ASEMAIL 2.2.2.79): comma-separated addresses.</summary>
    public string? To { get; init; }

    /// <summary>email:Cc (MS-ASEMAIL 2.2.2.18).</summary>
    public string? Cc { get; init; }

    /// <summary>email2:Bcc (MS-ASEMAIL 2.2.2.11), 16.0+.</summary>
    public string? Bcc { get; init; }

    /// <summary>email:Subject (MS-ASEMAIL 2.2.2.75).</summary>
    public string? Subject { get; init; }

    /// <summary>email:Importance (MS-ASEMAIL 2.2.2.38).</summary>
    public EmailImportance? Importance { get; init; }

    /// <summary>airsyncbase:Body (MS-ASAIRS 2.2.2.9): its Type and Data.</summary>
    public DraftBody? Body { get; init; }

    /// <summary>airsyncbase:Attachments/Add (MS-ASAIRS 2.2.2.2), in the order sent.</summary>
    public ImmutableArray<DraftAttachment> AddedAttachments { get; init; } = [];

    /// <summary>airsyncbase:Attachments/Delete (MS-ASAIRS 2.2.2.21): the FileReferences of attachments to remove.</summary>
    public ImmutableArray<string> DeletedAttachments { get; init; } = [];
}

/// <summary>A draft's body (MS-ASAIRS 2.2.2.9): plain text or HTML.</summary>
public sealed record DraftBody(BodyType Type, string Text);

/// <summary>
/// An attachment the phone adds (MS-ASAIRS 2.2.2.2): its ClientId (2.2.2.14), the bytes of Content (2.2.2.15),
/// ContentType (2.2.2.18), DisplayName (2.2.2.22.1), and for an inline one (IsInline, 2.2.2.26.1) its ContentId
/// and ContentLocation.
/// </summary>
public sealed record DraftAttachment(string ClientId, ReadOnlyMemory<byte> Content)
{
    public string? DisplayName { get; init; }

    public string? ContentType { get; init; }

    public bool IsInline { get; init; }

    public string? ContentId { get; init; }

    public string? ContentLocation { get; init; }
}
