using Eas.Actors.Sync.Meetings;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// What an iMIP part makes of a message (MS-ASEMAIL 2.2.2.49 MessageClass, 2.2.2.48 MeetingRequest): a REQUEST is
/// IPM.Schedule.Meeting.Request and a CANCEL IPM.Schedule.Meeting.Canceled, both with their meeting; a REPLY is
/// IPM.Schedule.Meeting.Resp.Pos, .Tent or .Neg by its attendee's PARTSTAT and carries no meeting. An S/MIME class
/// stays: the phone needs it to open the message at all.
/// </summary>
internal static class EmailMeetings
{
    public static EmailItem WithMeeting(EmailItem item, MeetingInvitation? meeting)
    {
        if (meeting is null || EmailMessageClass.IsSmime(item.MessageClass)) return item;
        return meeting.Method switch
        {
            MeetingMethod.Request => item with { MessageClass = EmailMessageClass.MeetingRequest, Meeting = meeting },
            MeetingMethod.Cancel => item with { MessageClass = EmailMessageClass.MeetingCanceled, Meeting = meeting },
            MeetingMethod.Reply => item with { MessageClass = ReplyClass(meeting) },
            _ => item,
        };
    }

    private static string ReplyClass(MeetingInvitation reply) => reply.Attendees.FirstOrDefault()?.PartStat.ToUpperInvariant() switch
    {
        "ACCEPTED" => EmailMessageClass.MeetingAccepted,
        "DECLINED" => EmailMessageClass.MeetingDeclined,
        _ => EmailMessageClass.MeetingTentative,
    };
}
