using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// A client's email Change that cannot be applied: a malformed value, an element the version does not
/// have, or one the client may not change. The host answers the item with <see cref="Status"/> in the
/// Sync Responses and goes on with the other items.
/// </summary>
public sealed class EmailChangeException : Exception
{
    public EmailChangeException(string message, string element)
        : base(message) => Element = element;

    /// <summary>The offending element's local name, e.g. <c>Status</c>.</summary>
    public string Element { get; }

    /// <summary>
    /// The per-item Sync status: 6, conversion error, which MS-ASEMAIL names for a bad flag status or dates
    /// (2.2.2.74, 2.2.2.72) and for a ConversationId in a Change (2.2.2.21).
    /// </summary>
    public SyncStatus Status => SyncStatus.ConversionError;
}
