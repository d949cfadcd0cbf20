using MimeKit;

namespace Eas.Actors.Sync.Email.Drafts;

/// <summary>
/// A draft built from the phone's fields: the message to append to Drafts, and the parts of the attachments the
/// phone added this time with their ClientIds, whose FileReferences the response gives back (MS-ASAIRS 2.2.2.14),
/// and, for a Change, where each attachment it kept went: its IMAP part number in the stored draft, then in this one.
/// </summary>
public sealed class DraftMime(MimeMessage message, IReadOnlyList<(string ClientId, MimeEntity Part)> added, IReadOnlyDictionary<string, string>? renumbered = null) : IDisposable
{
    public MimeMessage Message { get; } = message;

    public IReadOnlyList<(string ClientId, MimeEntity Part)> Added { get; } = added;

    /// <summary>The kept attachments' IMAP part numbers, from the stored draft's to this one's (a removed attachment before them shifts them).</summary>
    public IReadOnlyDictionary<string, string> Renumbered { get; } = renumbered ?? new Dictionary<string, string>();

    /// <summary>The message with CRLF line ends, as it is appended to Drafts.</summary>
    public byte[] ToBytes()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var buffer = new MemoryStream();
        Message.WriteTo(options, buffer);
        return buffer.ToArray();
    }

    public void Dispose() => Message.Dispose();
}
