using MimeKit;

namespace Eas.Actors.Sync.Email.Drafts;

/// <summary>
/// A draft built from the phone's fields: the message to append to Drafts, and the parts of the attachments the
/// phone added this time with their ClientIds, whose FileReferences the response gives back (MS-ASAIRS 2.2.2.14).
/// </summary>
public sealed class DraftMime(MimeMessage message, IReadOnlyList<(string ClientId, MimeEntity Part)> added) : IDisposable
{
    public MimeMessage Message { get; } = message;

    public IReadOnlyList<(string ClientId, MimeEntity Part)> Added { get; } = added;

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
