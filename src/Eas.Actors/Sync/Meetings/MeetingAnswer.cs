namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// An attendee's answer as iCalendar says it (PARTSTAT, RFC 5545 3.2.12) and as the phone says it
/// (MeetingResponse UserResponse, MS-ASCMD 2.2.3.182: 1 accepted, 2 tentatively accepted, 3 declined).
/// </summary>
public enum MeetingAnswer
{
    Accepted = 1,
    Tentative = 2,
    Declined = 3,
}

/// <summary>The iCalendar and human forms of a <see cref="MeetingAnswer"/>.</summary>
public static class MeetingAnswers
{
    /// <summary>The PARTSTAT of an answer.</summary>
    public static string PartStat(this MeetingAnswer answer) => answer switch
    {
        MeetingAnswer.Accepted => "ACCEPTED",
        MeetingAnswer.Tentative => "TENTATIVE",
        _ => "DECLINED",
    };

    /// <summary>The subject prefix Outlook and most clients use for the answer's message.</summary>
    public static string SubjectPrefix(this MeetingAnswer answer) => answer switch
    {
        MeetingAnswer.Accepted => "Accepted",
        MeetingAnswer.Tentative => "Tentative",
        _ => "Declined",
    };

    /// <summary>The busy status the attendee's own copy takes (MS-ASCAL 2.2.2.8): busy once accepted, tentative otherwise, free once declined.</summary>
    public static string CdoBusyStatus(this MeetingAnswer? answer) => answer switch
    {
        MeetingAnswer.Accepted => "BUSY",
        MeetingAnswer.Declined => "FREE",
        _ => "TENTATIVE",
    };
}
