using Eas.Actors.Sync.Email;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using AirSyncBasePage = Eas.Wire.CodePages.AirSyncBase;
using Email2Page = Eas.Wire.CodePages.Email2;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// Builds email:MeetingRequest (MS-ASEMAIL 2.2.2.48) from an invitation, for one protocol version, children in the
/// order of the section's list: AllDayEvent, StartTime, DtStamp, EndTime, InstanceType, Location (up to 14.1; from 16.0
/// airsyncbase:Location with its DisplayName, MS-ASAIRS 2.2.2.28), Organizer, RecurrenceId, Reminder, ResponseRequested,
/// Recurrences, Sensitivity, BusyStatus, TimeZone, GlobalObjId, DisallowNewTimeProposal (14.0+, 2.2.2.27) and
/// email2:MeetingMessageType (14.1+, 2.2.2.47). The meeting's own fields are written as the organizer sent them; the
/// attendee's answer is the calendar's business, not the message's.
/// </summary>
public static class MeetingRequestElement
{
    /// <summary>email2:MeetingMessageType 1, an initial meeting request (MS-ASEMAIL 2.2.2.47).</summary>
    public const int InitialRequest = 1;

    /// <summary>email2:MeetingMessageType 0: unspecified, what a cancellation carries.</summary>
    public const int Unspecified = 0;

    public static WbxmlElement Build(MeetingInvitation meeting, ProtocolVersion version)
    {
        var element = new WbxmlElement(EmailPage.MeetingRequest);
        element.Add(EmailElements.Boolean(EmailPage.AllDayEvent, meeting.AllDay));
        element.AddDate(EmailPage.StartTime, meeting.Start);
        element.Add(EmailElements.Date(EmailPage.DtStamp, meeting.Stamp));
        element.AddDate(EmailPage.EndTime, meeting.End);
        element.Add(EmailElements.Number(EmailPage.InstanceType, InstanceType(meeting)));
        AddLocation(element, meeting.Location, version);
        if (meeting.OrganizerAddress is { } organizer) element.Add(WbxmlElement.WithText(EmailPage.Organizer, new EmailAddress(meeting.OrganizerName, organizer).ToEasString()));
        element.AddDate(EmailPage.RecurrenceId, meeting.RecurrenceId);
        if (meeting.ReminderMinutes is { } reminder) element.Add(EmailElements.Number(EmailPage.Reminder, reminder));
        element.Add(EmailElements.Boolean(EmailPage.ResponseRequested, meeting.Method == MeetingMethod.Request && meeting.Attendees.Any(a => a.Rsvp)));
        if (meeting.Recurrence is { } recurrence && meeting.RecurrenceId is null) element.Add(Recurrences(recurrence));
        element.Add(EmailElements.Number(EmailPage.Sensitivity, meeting.Sensitivity));
        element.Add(EmailElements.Number(EmailPage.BusyStatus, meeting.BusyStatus));
        element.Add(WbxmlElement.WithText(EmailPage.TimeZone, MeetingTimeZone.Blob(meeting)));
        element.Add(WbxmlElement.WithText(EmailPage.GlobalObjId, GlobalObjectId.Base64(meeting.Uid, meeting.RecurrenceId)));
        if (version >= ProtocolVersion.V140 && meeting.DisallowNewTimeProposal) element.Add(EmailElements.Boolean(EmailPage.DisallowNewTimeProposal, true));
        if (version >= ProtocolVersion.V141)
            element.Add(EmailElements.Number(Email2Page.MeetingMessageType, meeting.Method == MeetingMethod.Request ? InitialRequest : Unspecified));
        return element;
    }

    /// <summary>email:InstanceType (MS-ASEMAIL 2.2.2.39): 0 single, 1 a series' master, 3 an exception (one occurrence).</summary>
    private static int InstanceType(MeetingInvitation meeting) =>
        meeting.RecurrenceId is not null ? 3 : meeting.Recurrence is not null ? 1 : 0;

    private static void AddLocation(WbxmlElement element, string? location, ProtocolVersion version)
    {
        if (string.IsNullOrEmpty(location)) return;
        if (version < ProtocolVersion.V160) element.Add(WbxmlElement.WithText(EmailPage.Location, location));
        else element.Add(WbxmlElement.WithChildren(AirSyncBasePage.Location, WbxmlElement.WithText(AirSyncBasePage.DisplayName, location)));
    }

    /// <summary>email:Recurrences with one email:Recurrence (MS-ASEMAIL 2.2.2.60, 2.2.2.59).</summary>
    private static WbxmlElement Recurrences(MeetingRecurrence rule)
    {
        var recurrence = new WbxmlElement(EmailPage.Recurrence);
        recurrence.Add(EmailElements.Number(EmailPage.Type, rule.Type));
        recurrence.Add(EmailElements.Number(EmailPage.Interval, rule.Interval));
        if (rule.Until is { } until) recurrence.Add(EmailElements.Date(EmailPage.Until, until));
        if (rule.Occurrences is { } count) recurrence.Add(EmailElements.Number(EmailPage.Occurrences, count));
        if (rule.WeekOfMonth is { } week) recurrence.Add(EmailElements.Number(EmailPage.WeekOfMonth, week));
        if (rule.DayOfMonth is { } day) recurrence.Add(EmailElements.Number(EmailPage.DayOfMonth, day));
        if (rule.DayOfWeek is { } days) recurrence.Add(EmailElements.Number(EmailPage.DayOfWeek, days));
        if (rule.MonthOfYear is { } month) recurrence.Add(EmailElements.Number(EmailPage.MonthOfYear, month));
        return WbxmlElement.WithChildren(EmailPage.Recurrences, recurrence);
    }
}
