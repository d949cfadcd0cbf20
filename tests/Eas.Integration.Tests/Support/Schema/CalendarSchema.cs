using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The Calendar data class in a response (MS-ASCAL 2.2.2, schema 6): the top-level elements as values, and the
/// containers element by element. Attendee holds Email and Name with the optional AttendeeStatus and AttendeeType
/// (2.2.2.3); Recurrence requires Type (2.2.2.37, 2.2.2.45); Exceptions holds up to 256 Exception elements (2.2.2.22),
/// each with ExceptionStartTime (up to 14.1) or airsyncbase:InstanceId (16.x) and the elements it changes (2.2.2.21).
/// airsyncbase:Location (MS-ASAIRS 2.2.2.28) is an all group of optional values. ClientUid is a request element
/// (2.2.2.13) and has no place here.
/// </summary>
internal static class CalendarSchema
{
    /// <summary>airsyncbase:Location (MS-ASAIRS 2.2.2.28), 16.x.</summary>
    public static readonly SchemaElement Location = Node(AirSyncBase.Location, All(OptionalValues(
        AirSyncBase.Accuracy, AirSyncBase.Altitude, AirSyncBase.AltitudeAccuracy, AirSyncBase.Annotation, AirSyncBase.City,
        AirSyncBase.Country, AirSyncBase.DisplayName, AirSyncBase.Latitude, AirSyncBase.LocationUri, AirSyncBase.Longitude,
        AirSyncBase.PostalCode, AirSyncBase.State, AirSyncBase.Street)));

    private static readonly SchemaElement Attendees = Node(Calendar.Attendees,
        Node(Calendar.Attendee, All(Value(Calendar.Email), Value(Calendar.Name), Value(Calendar.AttendeeStatus).Optional(), Value(Calendar.AttendeeType).Optional())).Many());

    private static readonly SchemaElement Categories = Node(Calendar.Categories, Value(Calendar.Category).Optional().Many(300));

    private static readonly SchemaElement Recurrence = Node(Calendar.Recurrence, All([
        Value(Calendar.Type),
        .. OptionalValues(Calendar.Occurrences, Calendar.Interval, Calendar.WeekOfMonth, Calendar.DayOfWeek, Calendar.MonthOfYear,
            Calendar.Until, Calendar.DayOfMonth, Calendar.CalendarType, Calendar.IsLeapMonth, Calendar.FirstDayOfWeek),
    ]));

    private static readonly SchemaElement Exception = Node(Calendar.Exception, All([
        .. OptionalValues(Calendar.Deleted, Calendar.ExceptionStartTime, AirSyncBase.InstanceId, Calendar.Subject, Calendar.StartTime,
            Calendar.EndTime, Calendar.Body, Calendar.BodyTruncated, Calendar.Location, Calendar.Sensitivity, Calendar.BusyStatus,
            Calendar.AllDayEvent, Calendar.Reminder, Calendar.DtStamp, Calendar.MeetingStatus, Calendar.AppointmentReplyTime,
            Calendar.ResponseType, Calendar.OnlineMeetingConfLink, Calendar.OnlineMeetingExternalLink),
        DataClassSchema.Body.Optional(), Location.Optional(), Categories.Optional(), Attendees.Optional(),
    ]));

    private static readonly SchemaElement Exceptions = Node(Calendar.Exceptions, Exception.Optional().Many(256));

    /// <summary>Every element of the class, for the item's unbounded choice.</summary>
    public static readonly SchemaParticle[] Properties =
    [
        Attendees, Categories, Recurrence, Exceptions, Location,
        .. OptionalValues(Calendar.Timezone, Calendar.AllDayEvent, Calendar.Body, Calendar.BodyTruncated, Calendar.BusyStatus,
            Calendar.OrganizerName, Calendar.OrganizerEmail, Calendar.DtStamp, Calendar.EndTime, Calendar.Location, Calendar.Reminder,
            Calendar.Sensitivity, Calendar.Subject, Calendar.StartTime, Calendar.UID, Calendar.MeetingStatus, Calendar.ResponseRequested,
            Calendar.AppointmentReplyTime, Calendar.ResponseType, Calendar.DisallowNewTimeProposal, Calendar.OnlineMeetingConfLink,
            Calendar.OnlineMeetingExternalLink),
    ];
}
