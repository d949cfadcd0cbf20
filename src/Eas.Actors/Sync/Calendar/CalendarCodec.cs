using Eas.Actors.Sync.Contacts;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// Appointments (MS-ASCAL) between the store's iCalendar objects (<see cref="CalendarDocument"/>) and Sync
/// ApplicationData (<see cref="CalendarWbxml"/>). A phone's Add becomes a new object under its UID (ClientUid in
/// 16.x); a Change is applied to the stored object, rewriting only the properties of the elements that changed
/// (<see cref="CalendarGhosting"/>); a 16.x Change or Delete naming an InstanceId changes or removes one occurrence.
/// What the phone cannot have is sent in its nearest form with a log line (unknown TZID, RRULE beyond EAS, broken lines).
/// </summary>
public sealed class CalendarCodec(ILogger<CalendarCodec>? logger = null) : IPimItemCodec
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public PimKind Kind => PimKind.Calendar;

    public string ClassName => "Calendar";

    public WbxmlElement Build(string content, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var document = CalendarDocument.Parse(content);
        var item = ReadItem(document, Log(document));
        var body = new ContactBodyOptions { BodyPreferences = context.BodyPreferences, Truncation = context.Truncation };
        return CalendarWbxml.Build(item, context.Version, body);
    }

    public PimWrite Create(string newId, WbxmlElement applicationData, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var update = ReadUpdate(newId, applicationData, context.Version);
        var id = update.Item[CalendarPage.UID] ?? newId;
        var item = update.Item.With(CalendarPage.UID, id);
        if (item[CalendarPage.DtStamp] is null) item = item.With(CalendarPage.DtStamp, CompactTime.Format(NodaTime.Instant.FromDateTimeOffset(context.Now)));
        var document = CalendarDocument.CreateNew();
        Write(document, CalendarItem.Empty, item, id);
        return new PimWrite(id, document.Write());
    }

    public PimWrite Change(string itemId, string? storedContent, WbxmlElement applicationData, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var update = ReadUpdate(itemId, applicationData, context.Version);
        var document = Open(itemId, storedContent);
        var before = storedContent is null || document.Master.Property("DTSTART") is null ? CalendarItem.Empty : ReadItem(document, Log(document));
        var after = update.InstanceId is { } instance && context.Version >= ProtocolVersion.V160
            ? CalendarGhosting.ApplyToInstance(before, update, instance)
            : CalendarGhosting.Apply(before, update, context.Supported);
        if (after[CalendarPage.UID] is null) after = after.With(CalendarPage.UID, document.Master.Value("UID") ?? itemId);
        if (after[CalendarPage.DtStamp] is null) after = after.With(CalendarPage.DtStamp, CompactTime.Format(NodaTime.Instant.FromDateTimeOffset(context.Now)));
        Write(document, before, after, itemId);
        return new PimWrite(itemId, document.Write());
    }

    public PimWrite? RemoveInstance(string itemId, string storedContent, string instanceId, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CompactTime.TryParse(instanceId, out var instant)) throw new PimItemRejectedException(itemId, $"'{instanceId}' is no InstanceId (MS-ASAIRS 2.2.2.25)");
        var start = CompactTime.Format(instant);
        var document = CalendarDocument.Parse(storedContent);
        var before = ReadItem(document, Log(document));
        var after = before with
        {
            Exceptions = [.. before.Exceptions.Where(e => e.OriginalStart != start).Append(new CalendarException(start, true, CalendarItem.Empty)).OrderBy(e => e.OriginalStart, StringComparer.Ordinal)],
        };
        Write(document, before, after, itemId);
        return new PimWrite(itemId, document.Write());
    }

    public bool InWindow(string content, SyncFilterType filter, DateTimeOffset now) => CalendarWindow.Contains(content, filter, now);

    /// <summary>The master's item with its exceptions.</summary>
    internal static CalendarItem ReadItem(CalendarDocument document, ICollection<string> notes)
    {
        var (item, zone) = CalendarEventMap.Read(document.Master, document.Calendar, notes);
        return item with { Exceptions = CalendarExceptionsMap.Read(document, item, zone, notes) };
    }

    private static void Write(CalendarDocument document, CalendarItem before, CalendarItem after, string itemId)
    {
        var zone = CalendarEventMap.Write(document.Master, document.Calendar, before, after, itemId, series: true);
        CalendarExceptionsMap.Write(document, before, after, zone, itemId);
    }

    private CalendarDocument Open(string itemId, string? storedContent)
    {
        if (storedContent is null) return CalendarDocument.CreateNew();
        try
        {
            return CalendarDocument.Parse(storedContent);
        }
        catch (PimContentException e)
        {
            CalendarLog.Unreadable(_logger, itemId, e.Message);
            return CalendarDocument.CreateNew();
        }
    }

    private static CalendarUpdate ReadUpdate(string itemId, WbxmlElement applicationData, ProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(applicationData);
        try
        {
            return CalendarWbxml.Read(applicationData, version);
        }
        catch (FormatException e)
        {
            throw new PimItemRejectedException(itemId, e.Message);
        }
    }

    /// <summary>A list that logs each note as the nearest-form line of this item.</summary>
    private NoteLog Log(CalendarDocument document)
    {
        var item = document.Master.Value("UID") ?? "(no UID)";
        if (document.SkippedLines > 0) CalendarLog.BrokenLines(_logger, item, document.SkippedLines);
        return new NoteLog(_logger, item);
    }

    private sealed class NoteLog(ILogger logger, string item) : List<string>, ICollection<string>
    {
        void ICollection<string>.Add(string note)
        {
            if (Contains(note)) return;
            base.Add(note);
            CalendarLog.NearestForm(logger, item, note);
        }
    }
}
