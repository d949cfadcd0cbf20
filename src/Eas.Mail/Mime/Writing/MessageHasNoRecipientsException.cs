namespace Eas.Mail.Mime.Writing;

/// <summary>A submitted message names nobody in To, Cc or Bcc: there is no one to send it to (MS-ASCMD status 119).</summary>
public sealed class MessageHasNoRecipientsException() : MimeFormatException("The message has no recipients in To, Cc or Bcc", 0);
