namespace Eas.Wire.Commands.MeetingResponse;

/// <summary>The Status of one MeetingResponse Result (MS-ASCMD 2.2.3.177.9).</summary>
public enum MeetingResponseStatus
{
    /// <summary>The answer was recorded (and sent when asked).</summary>
    Success = 1,

    /// <summary>
    /// Not a meeting request this user can answer: a malformed or unknown item, one that is no meeting request, a meeting
    /// the user organizes, or an InstanceId that names no occurrence. Not transient: the phone stops sending it.
    /// </summary>
    InvalidMeetingRequest = 2,

    /// <summary>The user's mailbox failed (its store, its calendar); the phone may retry.</summary>
    MailboxError = 3,

    /// <summary>The server failed otherwise (the answer could not be sent); the phone may retry.</summary>
    ServerError = 4,
}
