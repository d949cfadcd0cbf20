namespace Eas.Actors.Sync.Email;

/// <summary>The last action taken on a message (email2:LastVerbExecuted, MS-ASEMAIL 2.2.2.44); 14.0+.</summary>
public enum EmailLastVerb
{
    /// <summary>Unknown.</summary>
    Unknown = 0,

    /// <summary>Replied to the sender (IMAP <c>\Answered</c>).</summary>
    ReplyToSender = 1,

    /// <summary>Replied to all; IMAP cannot tell this from a reply to the sender.</summary>
    ReplyToAll = 2,

    /// <summary>Forwarded (IMAP keyword <c>$Forwarded</c>).</summary>
    Forward = 3,
}
