using System.Collections.Immutable;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// One message as the IMAP and MIME side hands it to the encoder: headers already decoded, IMAP flags
/// already mapped (see <see cref="EmailImapFlags"/>), bodies already decoded to text. Everything EAS needs
/// that can be computed from these (DisplayTo, NativeBodyType, ConversationId and ConversationIndex,
/// ThreadTopic when absent) is computed by <see cref="EmailApplicationData"/>, so it is not a field here.
/// </summary>
public sealed record EmailItem
{
    /// <summary>The decoded Subject header.</summary>
    public string? Subject { get; init; }

    /// <summary>The From header's mailboxes (usually one).</summary>
    public ImmutableArray<EmailAddress> From { get; init; } = [];

    /// <summary>The To header's mailboxes; their names also make DisplayTo.</summary>
    public ImmutableArray<EmailAddress> To { get; init; } = [];

    /// <summary>The Cc header's mailboxes.</summary>
    public ImmutableArray<EmailAddress> Cc { get; init; } = [];

    /// <summary>The Reply-To header's mailboxes.</summary>
    public ImmutableArray<EmailAddress> ReplyTo { get; init; } = [];

    /// <summary>The Sender header's mailbox, when it names someone other than From (email2:Sender, 14.0+).</summary>
    public EmailAddress? Sender { get; init; }

    /// <summary>When the server received the message (the IMAP INTERNALDATE), UTC.</summary>
    public DateTime DateReceived { get; init; }

    /// <summary>The Date header, UTC; the ConversationIndex is derived from it (from DateReceived when null).</summary>
    public DateTime? DateSent { get; init; }

    /// <summary>From the Importance or X-Priority header.</summary>
    public EmailImportance Importance { get; init; } = EmailImportance.Normal;

    /// <summary>See <see cref="EmailMessageClass"/>; S/MIME classes decide MIMESupport 1.</summary>
    public string MessageClass { get; init; } = EmailMessageClass.Note;

    /// <summary>The Message-ID header, with or without angle brackets.</summary>
    public string? MessageId { get; init; }

    /// <summary>The In-Reply-To header's first message id.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The References header's message ids, oldest (the thread's root) first.</summary>
    public ImmutableArray<string> References { get; init; } = [];

    /// <summary>The Thread-Topic header; when null the subject without reply and forward prefixes is used.</summary>
    public string? ThreadTopic { get; init; }

    /// <summary>IMAP <c>\Seen</c>.</summary>
    public bool Read { get; init; }

    /// <summary>The follow-up flag; null or <see cref="EmailFlag.Cleared"/> when not flagged.</summary>
    public EmailFlag? Flag { get; init; }

    /// <summary>The categories: the message's IMAP keywords that are not system flags or protocol keywords.</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>IMAP <c>\Answered</c>.</summary>
    public bool Answered { get; init; }

    /// <summary>IMAP keyword <c>$Forwarded</c>.</summary>
    public bool Forwarded { get; init; }

    /// <summary>When the last reply or forward happened, if the store knows; IMAP flags alone do not say.</summary>
    public DateTime? LastVerbExecutionTime { get; init; }

    /// <summary>Whether the mailbox owner got the message as a Bcc recipient (in neither To nor Cc).</summary>
    public bool ReceivedAsBcc { get; init; }

    /// <summary>The text/plain body, when the message has one.</summary>
    public EmailBodyText? PlainText { get; init; }

    /// <summary>The text/html body, when the message has one.</summary>
    public EmailBodyText? Html { get; init; }

    /// <summary>The raw message, needed only when the client may get MIME (MIMESupport 1 or 2).</summary>
    public EmailMime? Mime { get; init; }

    /// <summary>The meeting of an iMIP message (a REQUEST or CANCEL); null for any other message.</summary>
    public Meetings.MeetingInvitation? Meeting { get; init; }

    /// <summary>The attachments, inline parts included, in MIME order.</summary>
    public ImmutableArray<EmailAttachment> Attachments { get; init; } = [];
}
