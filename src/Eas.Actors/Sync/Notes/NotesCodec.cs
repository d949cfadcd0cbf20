using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Sync.Notes;

/// <summary>
/// Notes (MS-ASNOTE, 14.0+) between a store's iCalendar object (a VCALENDAR with one VJOURNAL) and Sync
/// ApplicationData: the fields by <see cref="NoteVJournal"/>, the wire form by <see cref="NoteWbxml"/>. Notes have no
/// FilterType window (MS-ASCMD 2.2.3.68 lists none for them: every note is in) and no instances. Phones below 14.0 have
/// no Notes class at all (MS-ASNOTE 2.2.2: every element is 14.0+), so their folders are hidden from them.
/// </summary>
public sealed class NotesCodec(ILogger? logger = null) : IPimItemCodec
{
    private readonly ILogger logger = logger ?? NullLogger.Instance;

    public PimKind Kind => PimKind.Notes;

    public string ClassName => "Notes";

    public WbxmlElement Build(string content, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (calendar, dropped) = PimICalendar.Load(content);
        var journal = calendar.Journals.FirstOrDefault() ?? throw new PimContentException("The iCalendar object holds no VJOURNAL.");
        if (dropped > 0) NotesLog.BrokenLines(logger, journal.Uid ?? "?", dropped);
        return NoteWbxml.Build(NoteVJournal.Read(journal), context.Version, context);
    }

    public PimWrite Create(string newId, WbxmlElement applicationData, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendar = PimICalendar.Create();
        var journal = NewJournal(calendar, newId, context.Now.UtcDateTime);
        var sent = NoteWbxml.Read(applicationData, context.Version);
        var note = NoteVJournal.Apply(NoteItem.Empty, sent, context.Now.UtcDateTime);
        NoteVJournal.Write(journal, NoteItem.Empty with { MessageClass = NoteItem.StickyNote }, note);
        return new PimWrite(newId, PimICalendar.Serialize(calendar));
    }

    public PimWrite Change(string itemId, string? storedContent, WbxmlElement applicationData, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Now.UtcDateTime;
        Ical.Net.Calendar calendar;
        Journal journal;
        try
        {
            (calendar, var dropped) = storedContent is null ? throw new PimContentException("no stored note") : PimICalendar.Load(storedContent);
            if (dropped > 0) NotesLog.BrokenLines(logger, itemId, dropped);
            journal = calendar.Journals.FirstOrDefault() ?? NewJournal(calendar, itemId, now);
        }
        catch (PimContentException e)
        {
            NotesLog.UnreadableOnChange(logger, itemId, e.Message);
            calendar = PimICalendar.Create();
            journal = NewJournal(calendar, itemId, now);
        }

        var before = NoteVJournal.Read(journal);
        var after = NoteVJournal.Apply(before, NoteWbxml.Read(applicationData, context.Version), now);
        NoteVJournal.Write(journal, before, after);
        journal.DtStamp = PimICalendar.Utc(now);
        return new PimWrite(itemId, PimICalendar.Serialize(calendar));
    }

    public PimWrite? RemoveInstance(string itemId, string storedContent, string instanceId, PimCodecContext context) => null;

    public bool InWindow(string content, SyncFilterType filter, DateTimeOffset now) => true;

    private static Journal NewJournal(Ical.Net.Calendar calendar, string id, DateTime now)
    {
        var journal = new Journal { Uid = id, DtStamp = PimICalendar.Utc(now) };
        calendar.Journals.Add(journal);
        return journal;
    }
}
