using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// The stored appointment after a phone's Change (MS-ASCMD 2.2.3.24 Change, 2.2.3.179 Supported). An element the phone
/// sent replaces the stored one, an empty one clears it. An element it did not send:
/// <list type="bullet">
/// <item>Subject, Location, Reminder, BusyStatus, Sensitivity, AllDayEvent, Categories, Attendees and Recurrence follow
/// MS-ASCMD 2.2.3.179: deleted when not ghosted (no Supported at the initial Sync, or a Supported naming it), kept when
/// a Supported left it out.</item>
/// <item>The times and Timezone, UID, DtStamp, the organizer, the meeting's state and responses, the body (a phone
/// given a truncated body sends none back) and the exceptions (a 16.x phone MUST NOT send Exceptions in a Change,
/// MS-ASCAL 2.2.2.22) are kept.</item>
/// </list>
/// </summary>
public static class CalendarGhosting
{
    private static readonly ushort[] Ghostable =
    [
        CalendarPage.Subject, CalendarPage.Location, CalendarPage.Reminder, CalendarPage.BusyStatus, CalendarPage.Sensitivity,
        CalendarPage.AllDayEvent,
    ];

    public static CalendarItem Apply(CalendarItem stored, CalendarUpdate change, IReadOnlySet<ushort>? supported)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(change);
        var sent = change.Item;
        var item = stored;
        foreach (var tag in CalendarElements.FieldOrder)
        {
            if (change.Present.Contains(tag)) item = item.With(tag, sent[tag]);
            else if (Ghostable.Contains(tag) && !Ghosted(tag, supported)) item = item.With(tag, null);
        }

        return item with
        {
            Body = change.Present.Contains(CalendarPage.Body) ? sent.Body : stored.Body,
            Categories = Keep(CalendarPage.Categories, change, supported) ? stored.Categories : sent.Categories,
            Attendees = Keep(CalendarPage.Attendees, change, supported) ? stored.Attendees : sent.Attendees,
            Recurrence = Keep(CalendarPage.Recurrence, change, supported) ? stored.Recurrence : sent.Recurrence,
            Exceptions = change.Present.Contains(CalendarPage.Exceptions) ? sent.Exceptions : stored.Exceptions,
        };
    }

    /// <summary>A 16.x Change of one occurrence (airsyncbase:InstanceId): the elements sent become that occurrence's exception.</summary>
    public static CalendarItem ApplyToInstance(CalendarItem stored, CalendarUpdate change, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(change);
        var current = stored.Exceptions.FirstOrDefault(e => e.OriginalStart == instanceId);
        var changes = current is { Deleted: false } ? current.Changes : CalendarItem.Empty;
        foreach (var tag in CalendarElements.ExceptionFieldOrder)
        {
            if (change.Present.Contains(tag)) changes = changes.With(tag, change.Item[tag]);
        }

        if (change.Present.Contains(CalendarPage.Body)) changes = changes with { Body = change.Item.Body };
        if (change.Present.Contains(CalendarPage.Categories)) changes = changes with { Categories = change.Item.Categories };
        if (change.Present.Contains(CalendarPage.Attendees)) changes = changes with { Attendees = change.Item.Attendees };
        var others = stored.Exceptions.Where(e => e.OriginalStart != instanceId);
        return stored with
        {
            Exceptions = [.. others.Append(new CalendarException(instanceId, false, changes)).OrderBy(e => e.OriginalStart, StringComparer.Ordinal)],
        };
    }

    private static bool Keep(ushort tag, CalendarUpdate change, IReadOnlySet<ushort>? supported) =>
        !change.Present.Contains(tag) && Ghosted(tag, supported);

    private static bool Ghosted(ushort tag, IReadOnlySet<ushort>? supported) => supported is not null && !supported.Contains(tag);
}
