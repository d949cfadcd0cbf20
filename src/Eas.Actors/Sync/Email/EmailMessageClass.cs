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

    /// <summary>A meeting invitation (a text/calendar part with METHOD:REQUEST); it carries email:MeetingRequest.</summary>
    public const string MeetingRequest = "IPM.Schedule.Meeting.Request";

    /// <summary>A meeting cancellation (METHOD:CANCEL); it carries email:MeetingRequest too.</summary>
    public const string MeetingCanceled = "IPM.Schedule.Meeting.Canceled";

    /// <summary>An attendee's answers (METHOD:REPLY): accepted, tentatively accepted, declined.</summary>
    public const string MeetingAccepted = "IPM.Schedule.Meeting.Resp.Pos";

    /// <inheritdoc cref="MeetingAccepted"/>
    public const string MeetingTentative = "IPM.Schedule.Meeting.Resp.Tent";

    /// <inheritdoc cref="MeetingAccepted"/>
    public const string MeetingDeclined = "IPM.Schedule.Meeting.Resp.Neg";

    /// <summary>
    /// Whether the class is an S/MIME one, the messages MIMESupport 1 sends as MIME (MS-ASCMD 2.2.3.110.3):
    /// IPM.Note.SMIME, its subclasses, and IPM.Note.Receipt.SMIME.
    /// </summary>
    public static bool IsSmime(string messageClass) =>
        messageClass.EndsWith(".SMIME", StringComparison.OrdinalIgnoreCase)
        || messageClass.Contains(".SMIME.", StringComparison.OrdinalIgnoreCase);
}
