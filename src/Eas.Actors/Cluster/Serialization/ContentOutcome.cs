using System.Net;
using Akka.Event;
using Eas.Actors.Devices;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// A <see cref="RespondWithContent"/> (GetAttachment's raw body) as it crosses between nodes. Locally the edge
/// streams the attachment from its temporary file; between nodes there is no stream, so the bytes travel inside the
/// message, up to <see cref="MaxBytes"/>, the same cap as the fetched bytes of an ItemOperations reply that crosses.
/// </summary>
/// <remarks>
/// Writing reads the stream on the sending node and disposes it (a temporary file deletes itself): once the reply
/// has left, nobody else holds it. A larger attachment cannot be served through another node; it arrives as
/// HTTP 500, what GetAttachment answers when it cannot deliver (MS-ASCMD 2.2.1.7), and the sending node logs why.
/// A phone whose requests reach the account's own node (the load balancer hashes on the user) gets it streamed.
/// </remarks>
/// <param name="ContentType">The body's content type.</param>
/// <param name="Content">The bytes; null when the attachment was over the cap.</param>
/// <param name="RefusedBytes">How large the refused attachment was (at least), for the log; null when it was sent.</param>
internal sealed record ContentOutcome(string ContentType, byte[]? Content, long? RefusedBytes)
{
    /// <summary>The largest attachment that crosses between nodes.</summary>
    public const long MaxBytes = FetchAllowance.CrossNodeBytes;

    public static ContentOutcome From(RespondWithContent outcome, ILoggingAdapter log)
    {
        using var content = outcome.Content;
        if (content.CanSeek && content.Length - content.Position > MaxBytes) return Refused(outcome.ContentType, content.Length - content.Position, log);
        using var bytes = new CappedMemoryStream(MaxBytes);
        try
        {
            content.CopyTo(bytes);
        }
        catch (CappedMemoryStream.FullException)
        {
            return Refused(outcome.ContentType, MaxBytes + 1, log);
        }

        return new ContentOutcome(outcome.ContentType, bytes.ToArray(), null);
    }

    /// <summary>The outcome the edge writes: the content, or HTTP 500 for one that was too large to cross.</summary>
    public CommandOutcome ToOutcome() =>
        Content is null
            ? new RespondHttpStatus((int)HttpStatusCode.InternalServerError)
            : new RespondWithContent(ContentType, new MemoryStream(Content, writable: false));

    private static ContentOutcome Refused(string contentType, long length, ILoggingAdapter log)
    {
        log.Warning("An attachment of {0} bytes is over the {1} bytes that may cross between nodes; the phone is answered HTTP 500.", length, MaxBytes);
        return new ContentOutcome(contentType, null, length);
    }
}
