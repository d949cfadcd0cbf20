namespace Eas.Actors.Sync.Email;

/// <summary>
/// The email:MessageClass values this server sends (MS-ASEMAIL 2.2.2.49); the MIME side picks one from
/// the message's top-level content type.
/// </summary>
public static class EmailMessageClass
{
    /// <summary>An ordinary message.</summary>
    public const string Note = "IPM.Note";

    /// <summary>An S/MIME message that is encrypted (and possibly signed): application/pkcs7-mime.</summary>
    public const string Smime = "IPM.Note.SMIME";

    /// <summary>A clear-signed S/MIME message: multipart/signed.</summary>
    public const string SmimeMultipartSigned = "IPM.Note.SMIME.MultipartSigned";

    /// <summary>
    /// A meeting invitation (a text/calendar part with METHOD:REQUEST). Only the class is sent for now:
    /// the email:MeetingRequest element with the meeting's details is not written yet.
    /// </summary>
    public const string MeetingRequest = "IPM.Schedule.Meeting.Request";

    /// <summary>
    /// Whether the class is an S/MIME one, the messages MIMESupport 1 sends as MIME (MS-ASCMD 2.2.3.110.3):
    /// IPM.Note.SMIME, its subclasses, and IPM.Note.Receipt.SMIME.
    /// </summary>
    public static bool IsSmime(string messageClass) =>
        messageClass.EndsWith(".SMIME", StringComparison.OrdinalIgnoreCase)
        || messageClass.Contains(".SMIME.", StringComparison.OrdinalIgnoreCase);
}
