namespace Eas.Actors.Sending.Compose;

/// <summary>Which form of an outgoing message to write.</summary>
public enum OutgoingCopy
{
    /// <summary>The message handed to SMTP for the recipients: without its Bcc field (RFC 5322 section 3.6.3).</summary>
    Delivery,

    /// <summary>
    /// The copy appended to the sender's Sent Items (MS-ASCMD 2.2.3.157 SaveInSentItems): with its Bcc field, so
    /// the sender can still see whom the message went to (MS-OXCMAIL 2.1.3.1.1.2).
    /// </summary>
    SentItems,
}
