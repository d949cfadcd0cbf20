using System.Collections.Immutable;
using Eas.Actors.Sync.Pim;

namespace Eas.Actors.Sync.Notes;

/// <summary>A note as EAS names it (MS-ASNOTE 2.2.2, protocol 14.0+).</summary>
public sealed record NoteItem
{
    /// <summary>The message class of a plain note (MS-ASNOTE 2.2.2.5).</summary>
    public const string StickyNote = "IPM.StickyNote";

    public static NoteItem Empty { get; } = new();

    public string? Subject { get; init; }

    public PimTextBody Body { get; init; } = PimTextBody.None;

    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>MS-ASNOTE 2.2.2.5: IPM.StickyNote or a class derived from it.</summary>
    public string? MessageClass { get; init; }

    /// <summary>MS-ASNOTE 2.2.2.4: when the note last changed, UTC.</summary>
    public DateTime? LastModifiedDate { get; init; }

    public bool Equals(NoteItem? other) =>
        other is not null && Subject == other.Subject && Body == other.Body && Categories.SequenceEqual(other.Categories)
        && MessageClass == other.MessageClass && LastModifiedDate == other.LastModifiedDate;

    public override int GetHashCode() => HashCode.Combine(Subject, Body, MessageClass, LastModifiedDate);
}
