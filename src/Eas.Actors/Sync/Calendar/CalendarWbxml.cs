using System.Collections.Immutable;
using Eas.Actors.Sync.Contacts;
using Eas.Actors.Sync.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// An appointment as airsync:ApplicationData (MS-ASCMD 2.2.3.11) both ways, for 2.5 to 16.1 (MS-ASCAL 2.2.2): only
/// the elements the version has (<see cref="CalendarElements"/>), in the order of MS-ASCAL 2.2.2's list. Date-times
/// the phone sends are kept in compact form (<see cref="CompactTime"/>).
/// </summary>
public static class CalendarWbxml
{
    /// <summary>calendar:Body and BodyTruncated (MS-ASCAL 2.2.2.7.2, 2.2.2.8): an appointment's body for 2.5, which has no BodySize.</summary>
    private static readonly LegacyBodyTags LegacyBody = new(CalendarPage.Body, null, CalendarPage.BodyTruncated);

    public static WbxmlElement Build(CalendarItem item, ProtocolVersion version, ContactBodyOptions body)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(body);
        var data = new WbxmlElement(AirSync.ApplicationData);
        foreach (var tag in CalendarElements.FieldOrder)
        {
            if (tag == CalendarPage.BusyStatus) WriteBody(data, item.Body, version, body);
            if (tag == CalendarPage.ResponseRequested)
            {
                AddAttendees(data, item.Attendees, version);
                AddList(data, CalendarPage.Categories, CalendarPage.Category, item.Categories);
                AddRecurrence(data, item.Recurrence, version);
                AddExceptions(data, item.Exceptions, version, body);
            }

            AddField(data, item, tag, version);
        }

        return data;
    }

    /// <summary>The appointment a phone sent and which elements it sent. Unknown elements are ignored.</summary>
    /// <exception cref="FormatException">A date-time or number the item cannot be stored with.</exception>
    public static CalendarUpdate Read(WbxmlElement applicationData, ProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(applicationData);
        var present = new HashSet<ushort>();
        var item = ReadInto(CalendarItem.Empty, applicationData, version, present, out var instanceId);
        return new CalendarUpdate(item, present) { InstanceId = instanceId };
    }

    private static CalendarItem ReadInto(CalendarItem item, WbxmlElement parent, ProtocolVersion version, HashSet<ushort> present, out string? instanceId)
    {
        instanceId = null;
        foreach (var element in parent.Children)
        {
            var tag = element.Tag;
            switch (tag)
            {
                case AirSyncBase.Body when version >= ProtocolVersion.V120:
                    present.Add(CalendarPage.Body);
                    item = item with { Body = NullIfEmpty(element.ValueOf(AirSyncBase.Data)) };
                    break;
                case CalendarPage.Body:
                    present.Add(CalendarPage.Body);
                    item = item with { Body = NullIfEmpty(element.Text) };
                    break;
                case AirSyncBase.Location:
                    present.Add(CalendarPage.Location);
                    item = item.With(CalendarPage.Location, NullIfEmpty(element.ValueOf(AirSyncBase.DisplayName)));
                    break;
                case CalendarPage.ClientUid or CalendarPage.UID:
                    present.Add(CalendarPage.UID);
                    item = item.With(CalendarPage.UID, NullIfEmpty(element.Text.Trim()));
                    break;
                case AirSyncBase.InstanceId:
                    instanceId = CompactTime.Normalize(element.Text);
                    break;
                case CalendarPage.Categories:
                    present.Add(tag);
                    item = item with { Categories = [.. element.Elements(CalendarPage.Category).Select(c => c.Text).Where(c => c.Length > 0)] };
                    break;
                case CalendarPage.Attendees:
                    present.Add(tag);
                    item = item with { Attendees = [.. element.Elements(CalendarPage.Attendee).Select(ReadAttendee).Where(a => a.Email.Length > 0)] };
                    break;
                case CalendarPage.Recurrence:
                    present.Add(tag);
                    item = item with { Recurrence = ReadRecurrence(element) };
                    break;
                case CalendarPage.Exceptions:
                    present.Add(tag);
                    item = item with { Exceptions = [.. element.Elements(CalendarPage.Exception).Select(e => ReadException(e, version)).OrderBy(e => e.OriginalStart, StringComparer.Ordinal)] };
                    break;
                default:
                    if (CalendarElements.Fields.Contains(tag))
                    {
                        present.Add(tag);
                        item = item.With(tag, Normalize(tag, element.Text));
                    }

                    break;
            }
        }

        return item;
    }

    private static CalendarException ReadException(WbxmlElement element, ProtocolVersion version)
    {
        var start = element.ValueOf(CalendarPage.ExceptionStartTime) ?? element.ValueOf(AirSyncBase.InstanceId)
            ?? throw new FormatException("An Exception without ExceptionStartTime (MS-ASCAL 2.2.2.23).");
        var deleted = element.ValueOf(CalendarPage.Deleted)?.Trim() == "1";
        var changes = ReadInto(CalendarItem.Empty, element, version, [], out _).With(CalendarPage.UID, null);
        return new CalendarException(CompactTime.Normalize(start), deleted, deleted ? CalendarItem.Empty : changes);
    }

    private static CalendarAttendee ReadAttendee(WbxmlElement element) => new(
        element.ValueOf(CalendarPage.Email)?.Trim() ?? string.Empty,
        element.ValueOf(CalendarPage.Name) ?? string.Empty,
        NullIfEmpty(element.ValueOf(CalendarPage.AttendeeStatus)?.Trim()),
        NullIfEmpty(element.ValueOf(CalendarPage.AttendeeType)?.Trim()));

    private static ImmutableDictionary<ushort, string> ReadRecurrence(WbxmlElement element)
    {
        var fields = ImmutableDictionary.CreateBuilder<ushort, string>();
        foreach (var child in element.Children)
        {
            if (!CalendarElements.RecurrenceOrder.Contains(child.Tag) || child.Text.Trim().Length == 0) continue;
            fields[child.Tag] = Normalize(child.Tag, child.Text)!;
        }

        return fields.ToImmutable();
    }

    private static string? Normalize(ushort tag, string text)
    {
        var value = tag is CalendarPage.Subject or CalendarPage.Location or CalendarPage.OrganizerName ? text : text.Trim();
        if (value.Length == 0) return null;
        return tag is CalendarPage.StartTime or CalendarPage.EndTime or CalendarPage.DtStamp or CalendarPage.AppointmentReplyTime or CalendarPage.Until
            ? CompactTime.Normalize(value)
            : value;
    }

    private static void AddField(WbxmlElement data, CalendarItem item, ushort tag, ProtocolVersion version)
    {
        if (item[tag] is not { } value) return;
        if (tag == CalendarPage.Location && version >= ProtocolVersion.V160)
        {
            data.Add(WbxmlElement.WithChildren(AirSyncBase.Location, WbxmlElement.WithText(AirSyncBase.DisplayName, value)));
            return;
        }

        if (!CalendarElements.Allows(tag, version)) return;
        data.Add(WbxmlElement.WithText(tag, value));
    }

    private static void AddAttendees(WbxmlElement data, ImmutableArray<CalendarAttendee> attendees, ProtocolVersion version)
    {
        if (attendees.IsDefaultOrEmpty) return;
        var list = new WbxmlElement(CalendarPage.Attendees);
        foreach (var attendee in attendees)
        {
            var element = new WbxmlElement(CalendarPage.Attendee);
            element.Add(WbxmlElement.WithText(CalendarPage.Email, attendee.Email));
            element.Add(WbxmlElement.WithText(CalendarPage.Name, attendee.Name.Length > 0 ? attendee.Name : attendee.Email));
            if (version >= ProtocolVersion.V120 && attendee.Status is { } status) element.Add(WbxmlElement.WithText(CalendarPage.AttendeeStatus, status));
            if (version >= ProtocolVersion.V120 && attendee.Type is { } type) element.Add(WbxmlElement.WithText(CalendarPage.AttendeeType, type));
            list.Add(element);
        }

        data.Add(list);
    }

    private static void AddRecurrence(WbxmlElement data, ImmutableDictionary<ushort, string>? recurrence, ProtocolVersion version)
    {
        if (recurrence is null) return;
        var element = new WbxmlElement(CalendarPage.Recurrence);
        foreach (var tag in CalendarElements.RecurrenceOrder)
        {
            if (recurrence.TryGetValue(tag, out var value) && CalendarElements.Allows(tag, version)) element.Add(WbxmlElement.WithText(tag, value));
        }

        data.Add(element);
    }

    private static void AddExceptions(WbxmlElement data, ImmutableArray<CalendarException> exceptions, ProtocolVersion version, ContactBodyOptions body)
    {
        if (exceptions.IsDefaultOrEmpty) return;
        var list = new WbxmlElement(CalendarPage.Exceptions);
        foreach (var exception in exceptions)
        {
            var element = new WbxmlElement(CalendarPage.Exception);
            if (exception.Deleted) element.Add(WbxmlElement.WithText(CalendarPage.Deleted, "1"));
            element.Add(WbxmlElement.WithText(version >= ProtocolVersion.V160 ? AirSyncBase.InstanceId : CalendarPage.ExceptionStartTime, exception.OriginalStart));
            var changes = exception.Changes;
            foreach (var tag in CalendarElements.ExceptionFieldOrder)
            {
                AddField(element, changes, tag, version);
                if (tag == CalendarPage.EndTime) WriteBody(element, changes.Body, version, body);
                if (tag == CalendarPage.Location) AddList(element, CalendarPage.Categories, CalendarPage.Category, changes.Categories);
                if (tag == CalendarPage.MeetingStatus) AddAttendees(element, changes.Attendees, version);
            }

            list.Add(element);
        }

        data.Add(list);
    }

    /// <summary>An appointment's plain-text body (MS-ASCAL 2.2.2.7.1: airsyncbase:Body for 12.0+), by <see cref="PimBodyWriter"/>.</summary>
    private static void WriteBody(WbxmlElement data, string? body, ProtocolVersion version, ContactBodyOptions options) =>
        PimBodyWriter.Write(data, new PimTextBody(body, null), version, options.BodyPreferences, options.Truncation, LegacyBody, servesHtml: false);

    private static void AddList(WbxmlElement data, ushort container, ushort entry, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty) return;
        var list = new WbxmlElement(container);
        foreach (var value in values) list.Add(WbxmlElement.WithText(entry, value));
        data.Add(list);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
