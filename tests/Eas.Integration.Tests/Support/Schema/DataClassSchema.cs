using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The properties of an item, as airsync:ApplicationData (MS-ASCMD 2.2.3.11) and itemoperations:Properties
/// (MS-ASCMD 2.2.3.139.2) hold them: any number of data-class elements in any order (an unbounded choice).
/// Email (MS-ASEMAIL 2.2.2, schema 6.1), Email2 (MS-ASEMAIL 6.2) and AirSyncBase (MS-ASAIRS 2.2.2, schema 6)
/// are described element by element, and so are Calendar (MS-ASCAL 2.2.2, <see cref="CalendarSchema"/>), Tasks
/// (MS-ASTASK 2.2.2, <see cref="TasksSchema"/>) and Notes (MS-ASNOTE 2.2.2, <see cref="NotesSchema"/>); the other data
/// classes, which this server does not write, are a wildcard over their code pages.
/// </summary>
internal static class DataClassSchema
{
    /// <summary>airsyncbase:Body (MS-ASAIRS 2.2.2.9): Type, EstimatedDataSize, Truncated, Data, Preview, and itemoperations:Part for a multipart fetch.</summary>
    public static readonly SchemaElement Body = Node(AirSyncBase.Body,
        Value(AirSyncBase.Type),
        Value(AirSyncBase.EstimatedDataSize).Optional(),
        Value(AirSyncBase.Truncated).Optional(),
        Value(AirSyncBase.Data).Optional(),
        Value(AirSyncBase.Preview).Optional(),
        Value(ItemOperations.Part).Optional());

    /// <summary>airsyncbase:BodyPart (MS-ASAIRS 2.2.2.10): Status, Type and EstimatedDataSize are required.</summary>
    public static readonly SchemaElement BodyPart = Node(AirSyncBase.BodyPart,
        Value(AirSyncBase.Status),
        Value(AirSyncBase.Type),
        Value(AirSyncBase.EstimatedDataSize),
        Value(AirSyncBase.Truncated).Optional(),
        Value(AirSyncBase.Data).Optional(),
        Value(AirSyncBase.Preview).Optional(),
        Value(ItemOperations.Part).Optional());

    /// <summary>
    /// airsyncbase:Attachments (MS-ASAIRS 2.2.2.8) in a response: Attachment elements, each an all group in
    /// which FileReference, Method and EstimatedDataSize are required (2.2.2.7). The Add and Delete children of
    /// the schema's choice are client requests (MS-ASAIRS 2.2.2.2, 2.2.2.16) and have no place in a response.
    /// </summary>
    public static readonly SchemaElement Attachments = Node(AirSyncBase.Attachments, Choice(
        Node(AirSyncBase.Attachment, All(
            Value(AirSyncBase.DisplayName).Optional(),
            Value(AirSyncBase.FileReference),
            Value(AirSyncBase.Method),
            Value(AirSyncBase.EstimatedDataSize),
            Value(AirSyncBase.ContentId).Optional(),
            Value(AirSyncBase.ContentLocation).Optional(),
            Value(AirSyncBase.IsInline).Optional(),
            Value(Email2.UmAttDuration).Optional(),
            Value(Email2.UmAttOrder).Optional()))).Many());

    /// <summary>email:Attachments of protocol 2.5 (MS-ASEMAIL 2.2.2.8): AttName, AttSize, AttMethod, DisplayName.</summary>
    public static readonly SchemaElement LegacyAttachments = Node(Email.Attachments,
        Node(Email.Attachment,
            Value(Email.AttName),
            Value(Email.AttSize),
            Value(Email.AttMethod),
            Value(Email.DisplayName).Optional()).Many());

    /// <summary>email:Flag (MS-ASEMAIL 2.2.2.34): an all group of optional elements, several from the Tasks page.</summary>
    public static readonly SchemaElement Flag = Node(Email.Flag, All(OptionalValues(
        Tasks.Subject, Email.Status, Email.FlagType, Tasks.DateCompleted, Email.CompleteTime, Tasks.StartDate, Tasks.DueDate,
        Tasks.UtcStartDate, Tasks.UtcDueDate, Tasks.ReminderSet, Tasks.ReminderTime, Tasks.OrdinalDate, Tasks.SubOrdinalDate)));

    /// <summary>email:Categories (MS-ASEMAIL 2.2.2.16): up to 300 Category elements, possibly none.</summary>
    public static readonly SchemaElement Categories = Node(Email.Categories, Value(Email.Category).Optional().Many(300));

    /// <summary>
    /// email:MeetingRequest (MS-ASEMAIL 2.2.2.48), in the order of the section's list: AllDayEvent, StartTime, DtStamp
    /// (required), EndTime, InstanceType, Location (to 14.1) or airsyncbase:Location (16.x), Organizer, RecurrenceId,
    /// Reminder, ResponseRequested, Recurrences of one or more Recurrence (2.2.2.60, 2.2.2.59), Sensitivity, BusyStatus,
    /// TimeZone and GlobalObjId (both required, 2.2.2.79, 2.2.2.37), DisallowNewTimeProposal (14.0+),
    /// email2:MeetingMessageType (14.1+, 2.2.2.47); the 16.x proposal elements and calendar UID may follow.
    /// </summary>
    public static readonly SchemaElement MeetingRequest = Node(Email.MeetingRequest,
        Value(Email.AllDayEvent).Optional(),
        Value(Email.StartTime).Optional(),
        Value(Email.DtStamp),
        Value(Email.EndTime).Optional(),
        Value(Email.InstanceType).Optional(),
        Value(Email.Location).Optional(),
        Node(AirSyncBase.Location, AnyOf(AirSyncBase.PageNumber).Optional().Many()).Optional(),
        Value(Email.Organizer).Optional(),
        Value(Email.RecurrenceId).Optional(),
        Value(Email.Reminder).Optional(),
        Value(Email.ResponseRequested).Optional(),
        Node(Email.Recurrences, Node(Email.Recurrence,
            Value(Email.Type), Value(Email.Interval), Value(Email.Until).Optional(), Value(Email.Occurrences).Optional(),
            Value(Email.WeekOfMonth).Optional(), Value(Email.DayOfMonth).Optional(), Value(Email.DayOfWeek).Optional(),
            Value(Email.MonthOfYear).Optional(), Value(Email2.CalendarType).Optional(), Value(Email2.IsLeapMonth).Optional(),
            Value(Email2.FirstDayOfWeek).Optional()).Many()).Optional(),
        Value(Email.Sensitivity).Optional(),
        Value(Email.BusyStatus).Optional(),
        Value(Email.TimeZone),
        Value(Email.GlobalObjId),
        Value(Email.DisallowNewTimeProposal).Optional(),
        Value(Email2.MeetingMessageType).Optional(),
        AnyOf(MeetingResponse.PageNumber, Calendar.PageNumber).Optional().Many());

    /// <summary>contacts:Categories (MS-ASCNTC 2.2.2.14): up to 300 Category elements.</summary>
    public static readonly SchemaElement ContactCategories = Node(Contacts.Categories, Value(Contacts.Category).Optional().Many(300));

    /// <summary>contacts:Children (MS-ASCNTC 2.2.2.17): up to 8 Child elements.</summary>
    public static readonly SchemaElement ContactChildren = Node(Contacts.Children, Value(Contacts.Child).Optional().Many(8));

    /// <summary>The Contacts data class (MS-ASCNTC 2.2.2): the Contacts and Contacts2 properties, each a value, the two lists above.</summary>
    public static readonly SchemaParticle[] ContactProperties = [ContactCategories, ContactChildren, Value(Contacts.Anniversary), Value(Contacts.AssistantName), Value(Contacts.AssistantPhoneNumber), Value(Contacts.Birthday), Value(Contacts.Body), Value(Contacts.BodySize), Value(Contacts.BodyTruncated), Value(Contacts.Business2PhoneNumber), Value(Contacts.BusinessAddressCity), Value(Contacts.BusinessAddressCountry), Value(Contacts.BusinessAddressPostalCode), Value(Contacts.BusinessAddressState), Value(Contacts.BusinessAddressStreet), Value(Contacts.BusinessFaxNumber), Value(Contacts.BusinessPhoneNumber), Value(Contacts.CarPhoneNumber), Value(Contacts.CompanyName), Value(Contacts.Department), Value(Contacts.Email1Address), Value(Contacts.Email2Address), Value(Contacts.Email3Address), Value(Contacts.FileAs), Value(Contacts.FirstName), Value(Contacts.Home2PhoneNumber), Value(Contacts.HomeAddressCity), Value(Contacts.HomeAddressCountry), Value(Contacts.HomeAddressPostalCode), Value(Contacts.HomeAddressState), Value(Contacts.HomeAddressStreet), Value(Contacts.HomeFaxNumber), Value(Contacts.HomePhoneNumber), Value(Contacts.JobTitle), Value(Contacts.LastName), Value(Contacts.MiddleName), Value(Contacts.MobilePhoneNumber), Value(Contacts.OfficeLocation), Value(Contacts.OtherAddressCity), Value(Contacts.OtherAddressCountry), Value(Contacts.OtherAddressPostalCode), Value(Contacts.OtherAddressState), Value(Contacts.OtherAddressStreet), Value(Contacts.PagerNumber), Value(Contacts.RadioPhoneNumber), Value(Contacts.Spouse), Value(Contacts.Suffix), Value(Contacts.Title), Value(Contacts.WebPage), Value(Contacts.YomiCompanyName), Value(Contacts.YomiFirstName), Value(Contacts.YomiLastName), Value(Contacts.CompressedRTF), Value(Contacts.Picture), Value(Contacts.Alias), Value(Contacts.WeightedRank), Value(Contacts2.CustomerId), Value(Contacts2.GovernmentId), Value(Contacts2.IMAddress), Value(Contacts2.IMAddress2), Value(Contacts2.IMAddress3), Value(Contacts2.ManagerName), Value(Contacts2.CompanyMainPhone), Value(Contacts2.AccountName), Value(Contacts2.NickName), Value(Contacts2.MMS)];

    /// <summary>The data-class elements an item can carry, as one unbounded choice.</summary>
    public static SchemaGroup ItemProperties(params SchemaParticle[] extra) => Choice([
        .. extra,
        .. ContactProperties,
        .. CalendarSchema.Properties,
        .. TasksSchema.Properties,
        .. NotesSchema.Properties,
        Attachments, Body, BodyPart, Value(AirSyncBase.NativeBodyType),
        Value(Email.To), Value(Email.Cc), Value(Email.From), Value(Email.Subject), Value(Email.ReplyTo), Value(Email.DateReceived),
        Value(Email.DisplayTo), Value(Email.ThreadTopic), Value(Email.Importance), Value(Email.Read), Value(Email.MessageClass),
        MeetingRequest, Value(Email.InternetCPID), Flag, Value(Email.ContentClass), Categories, LegacyAttachments,
        Value(Email.Body), Value(Email.BodySize), Value(Email.BodyTruncated), Value(Email.MIMEData), Value(Email.MIMESize), Value(Email.MIMETruncated),
        Value(Email2.UmCallerID), Value(Email2.UmUserNotes), Value(Email2.UmAttDuration), Value(Email2.UmAttOrder), Value(Email2.ConversationId),
        Value(Email2.ConversationIndex), Value(Email2.LastVerbExecuted), Value(Email2.LastVerbExecutionTime), Value(Email2.ReceivedAsBcc),
        Value(Email2.Sender), Value(Email2.CalendarType), Value(Email2.IsLeapMonth), Value(Email2.AccountId), Value(Email2.FirstDayOfWeek),
        Value(Email2.MeetingMessageType), Value(Email2.IsDraft), Value(Email2.Bcc), Value(Email2.Send),
        AnyOf(DocumentLibrary.PageNumber, RightsManagement.PageNumber),
    ]).Many();
}
