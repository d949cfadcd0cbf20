using Eas.Wire.CodePages;
using Eas.Wire.Http;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// The calendar elements, their order and which protocol version has each (MS-ASCAL 2.2.2 and each element's
/// version table; 6, Calendar.xsd). The body is calendar:Body/BodyTruncated in 2.5 and airsyncbase:Body from 12.0;
/// Location is calendar:Location up to 14.1 and airsyncbase:Location in 16.x (2.2.2.27); AttendeeStatus and
/// AttendeeType are 12.0+; ResponseRequested, AppointmentReplyTime, ResponseType, DisallowNewTimeProposal,
/// CalendarType and IsLeapMonth 14.0+; FirstDayOfWeek and the OnlineMeeting links 14.1+ (2.2.2.33, 2.2.2.34);
/// ExceptionStartTime up to 14.1 and airsyncbase:InstanceId in 16.x (2.2.2.23, MS-ASAIRS 2.2.2.25); ClientUid is
/// a 16.x request element only (2.2.2.13), so the server never writes it.
/// </summary>
internal static class CalendarElements
{
    /// <summary>The top-level single-valued elements, in the order they are written.</summary>
    public static readonly IReadOnlyList<ushort> FieldOrder =
    [
        CalendarPage.Timezone, CalendarPage.AllDayEvent, CalendarPage.BusyStatus, CalendarPage.OrganizerName,
        CalendarPage.OrganizerEmail, CalendarPage.DtStamp, CalendarPage.EndTime, CalendarPage.Location, CalendarPage.Reminder,
        CalendarPage.Sensitivity, CalendarPage.Subject, CalendarPage.StartTime, CalendarPage.UID, CalendarPage.MeetingStatus,
        CalendarPage.ResponseRequested, CalendarPage.AppointmentReplyTime, CalendarPage.ResponseType,
        CalendarPage.DisallowNewTimeProposal, CalendarPage.OnlineMeetingConfLink, CalendarPage.OnlineMeetingExternalLink,
    ];

    /// <summary>The single-valued elements an Exception may carry (MS-ASCAL 2.2.2.21), in order.</summary>
    public static readonly IReadOnlyList<ushort> ExceptionFieldOrder =
    [
        CalendarPage.Subject, CalendarPage.StartTime, CalendarPage.EndTime, CalendarPage.Location, CalendarPage.Sensitivity,
        CalendarPage.BusyStatus, CalendarPage.AllDayEvent, CalendarPage.Reminder, CalendarPage.DtStamp, CalendarPage.MeetingStatus,
        CalendarPage.AppointmentReplyTime, CalendarPage.ResponseType, CalendarPage.OnlineMeetingConfLink,
        CalendarPage.OnlineMeetingExternalLink,
    ];

    /// <summary>The Recurrence children (MS-ASCAL 2.2.2.37), in schema order.</summary>
    public static readonly IReadOnlyList<ushort> RecurrenceOrder =
    [
        CalendarPage.Type, CalendarPage.Occurrences, CalendarPage.Interval, CalendarPage.WeekOfMonth, CalendarPage.DayOfWeek,
        CalendarPage.MonthOfYear, CalendarPage.Until, CalendarPage.DayOfMonth, CalendarPage.CalendarType, CalendarPage.IsLeapMonth,
        CalendarPage.FirstDayOfWeek,
    ];

    public static readonly IReadOnlySet<ushort> Fields = FieldOrder.ToHashSet();

    public static bool Allows(ushort tag, ProtocolVersion version) => tag switch
    {
        CalendarPage.Body or CalendarPage.BodyTruncated => version == ProtocolVersion.V25,
        AirSyncBase.Body => version >= ProtocolVersion.V120,
        CalendarPage.Location or CalendarPage.ExceptionStartTime => version < ProtocolVersion.V160,
        AirSyncBase.Location or AirSyncBase.InstanceId or CalendarPage.ClientUid => version >= ProtocolVersion.V160,
        CalendarPage.AttendeeStatus or CalendarPage.AttendeeType => version >= ProtocolVersion.V120,
        CalendarPage.ResponseRequested or CalendarPage.AppointmentReplyTime or CalendarPage.ResponseType
            or CalendarPage.DisallowNewTimeProposal or CalendarPage.CalendarType or CalendarPage.IsLeapMonth => version >= ProtocolVersion.V140,
        CalendarPage.FirstDayOfWeek or CalendarPage.OnlineMeetingConfLink or CalendarPage.OnlineMeetingExternalLink => version >= ProtocolVersion.V141,
        CalendarPage.CompressedRTF => false,
        _ => true,
    };

    /// <summary>Elements only the server writes (a request MUST NOT carry them, MS-ASCAL 2.2.2.33, 2.2.2.34): kept on a Change.</summary>
    public static bool ServerOnly(ushort tag) => tag is CalendarPage.OnlineMeetingConfLink or CalendarPage.OnlineMeetingExternalLink;
}
