namespace Eas.Actors.Sending.Compose;

/// <summary>
/// The phone's message cannot be sent as the phone meant it (no header, a header line that is not a field, a
/// recipient without an address, too many recipients, a header block past its bound): ComposeMail status 107,
/// InvalidMIME (MS-ASCMD 2.2.2).
/// </summary>
public sealed class InvalidPhoneMessageException : Exception
{
    public InvalidPhoneMessageException() : base("The message is not valid MIME.") { }

    public InvalidPhoneMessageException(string message) : base(message) { }

    public InvalidPhoneMessageException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The phone's message names no recipient in To, Cc or Bcc: ComposeMail status 119, MessageHasNoRecipient (MS-ASCMD 2.2.2).</summary>
public sealed class MessageHasNoRecipientsException : Exception
{
    public MessageHasNoRecipientsException() : base("The message has no recipients.") { }

    public MessageHasNoRecipientsException(string message) : base(message) { }

    public MessageHasNoRecipientsException(string message, Exception innerException) : base(message, innerException) { }
}
