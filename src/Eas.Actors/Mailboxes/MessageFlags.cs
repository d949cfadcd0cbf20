namespace Eas.Actors.Mailboxes;

/// <summary>The IMAP flags email sync cares about (RFC 3501 2.3.2; $Forwarded from RFC 5788's registry).</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    Seen = 1,
    Flagged = 2,
    Answered = 4,
    Forwarded = 8,
    Draft = 16,
    Deleted = 32,
}
