using Eas.Actors.Sync.Calendar.Ics;
using Eas.Actors.Sync.Pim;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// The stored text of one appointment: a VCALENDAR with one master VEVENT, the VEVENTs that override its occurrences
/// (same UID, with RECURRENCE-ID) and the VTIMEZONEs they use (RFC 5545 3.4, 3.6.1, 3.6.5; RFC 4791 4.1 keeps one
/// UID per object resource). A master-less object (only overrides) has its first VEVENT as master.
/// </summary>
public sealed class CalendarDocument
{
    private CalendarDocument(IcsComponent calendar, IcsComponent master, int skippedLines)
    {
        Calendar = calendar;
        Master = master;
        SkippedLines = skippedLines;
        var uid = master.Value("UID");
        Overrides = [.. calendar.Children("VEVENT").Where(e => e != master && e.Property("RECURRENCE-ID") is not null && e.Value("UID") == uid)];
    }

    public IcsComponent Calendar { get; }

    public IcsComponent Master { get; }

    public List<IcsComponent> Overrides { get; }

    /// <summary>Broken lines the reader skipped.</summary>
    public int SkippedLines { get; }

    /// <exception cref="PimContentException">No VCALENDAR with a VEVENT.</exception>
    public static CalendarDocument Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = IcsReader.Read(content);
        var calendar = document.Components.FirstOrDefault(c => c.Name == "VCALENDAR")
            ?? throw new PimContentException("The content is no iCalendar object (no VCALENDAR, RFC 5545 3.4).");
        var events = calendar.Children("VEVENT").ToList();
        if (events.Count == 0) throw new PimContentException("The iCalendar object has no VEVENT.");
        var master = events.FirstOrDefault(e => e.Property("RECURRENCE-ID") is null) ?? events[0];
        return new CalendarDocument(calendar, master, document.SkippedLines);
    }

    /// <summary>An empty object for a new appointment.</summary>
    public static CalendarDocument CreateNew()
    {
        var calendar = new IcsComponent("VCALENDAR");
        calendar.SetValue("VERSION", "2.0");
        calendar.SetValue("PRODID", "-//Eas.Server//Calendar//EN");
        var master = new IcsComponent("VEVENT");
        calendar.Components.Add(master);
        return new CalendarDocument(calendar, master, 0);
    }

    public string Write() => IcsWriter.Write(Calendar);
}
