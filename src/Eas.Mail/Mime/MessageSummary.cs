namespace Eas.Mail.Mime;

/// <summary>What sync needs from one message, gathered in a single pass over it by <see cref="MessageBodies.ExtractAsync"/>.</summary>
public sealed class MessageSummary
{
    internal MessageSummary(MimeStructure structure, TextBody? plainText, TextBody? html, IReadOnlyList<AttachmentInfo> attachments)
    {
        Structure = structure;
        Envelope = MessageEnvelope.FromHeaders(structure.Headers);
        PlainText = plainText;
        Html = html;
        Attachments = attachments;
    }

    /// <summary>The part tree, with the message header.</summary>
    public MimeStructure Structure { get; }

    public MessageEnvelope Envelope { get; }

    /// <summary>The plain-text body (converted from HTML when the message has no text), or null when there is no body text.</summary>
    public TextBody? PlainText { get; }

    /// <summary>The HTML body, or null when the message has no HTML part; a caller then sends <see cref="PlainText"/>.</summary>
    public TextBody? Html { get; }

    /// <summary>Every part that is not body text, in message order.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; }
}
