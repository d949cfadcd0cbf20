using System.Globalization;
using System.Text;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.CodePages;
using Calendar = Eas.Wire.CodePages.Calendar;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A test-only codec for calendar, tasks and notes, standing in for the real ones (written by other work) so the PIM
/// engine's wiring can be proven end to end: a minimal VCALENDAR with UID, SUMMARY (the class's Subject), DTSTART
/// (calendar:StartTime, what the FilterType window looks at), STATUS:COMPLETED (tasks:Complete, for
/// IncompleteTasks) and one EXDATE per deleted occurrence. Nothing else of a real item survives it.
/// </summary>
internal sealed class TestPimCodec(PimKind kind) : IPimItemCodec
{
    /// <summary>The codecs a server with every class serves: the real contacts codec and these stand-ins.</summary>
    public static PimCodecs AllKinds { get; } = new([.. PimCodecs.Default.All, new TestPimCodec(PimKind.Calendar), new TestPimCodec(PimKind.Tasks), new TestPimCodec(PimKind.Notes)]);

    public PimKind Kind => kind;

    public string ClassName => kind.ToString();

    private ushort SubjectTag => kind switch { PimKind.Calendar => Calendar.Subject, PimKind.Tasks => Tasks.Subject, _ => Notes.Subject };

    private string Component => kind switch { PimKind.Calendar => "VEVENT", PimKind.Tasks => "VTODO", _ => "VJOURNAL" };

    /// <summary>A stored item as the store would hold it.</summary>
    public static string Text(PimKind kind, string uid, string subject, DateTimeOffset? start = null, bool completed = false)
    {
        var component = new TestPimCodec(kind).Component;
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//eas-tests//EN\r\n");
        text.Append("BEGIN:").Append(component).Append("\r\nUID:").Append(uid).Append("\r\nSUMMARY:").Append(subject).Append("\r\n");
        if (start is { } s) text.Append("DTSTART:").Append(Compact(s)).Append("\r\n");
        if (completed) text.Append("STATUS:COMPLETED\r\n");
        return text.Append("END:").Append(component).Append("\r\nEND:VCALENDAR\r\n").ToString();
    }

    public WbxmlElement Build(string content, PimCodecContext context)
    {
        var lines = Lines(content);
        if (!lines.ContainsKey("UID")) throw new PimContentException("No UID.");
        var data = new WbxmlElement(AirSync.ApplicationData);
        if (kind == PimKind.Calendar && lines.TryGetValue("DTSTART", out var start)) data.Add(WbxmlElement.WithText(Calendar.StartTime, start));
        data.Add(WbxmlElement.WithText(SubjectTag, lines.GetValueOrDefault("SUMMARY", "")));
        if (kind == PimKind.Tasks) data.Add(WbxmlElement.WithText(Tasks.Complete, lines.ContainsKey("STATUS") ? "1" : "0"));
        return data;
    }

    public PimWrite Create(string newId, WbxmlElement applicationData, PimCodecContext context)
    {
        var subject = applicationData.ValueOf(SubjectTag) ?? throw new PimItemRejectedException(newId, "no Subject");
        return new PimWrite(newId, Text(kind, newId, subject, StartOf(applicationData), applicationData.ValueOf(Tasks.Complete) == "1"));
    }

    public PimWrite Change(string itemId, string? storedContent, WbxmlElement applicationData, PimCodecContext context)
    {
        var lines = storedContent is null ? [] : Lines(storedContent);
        var subject = applicationData.ValueOf(SubjectTag) ?? lines.GetValueOrDefault("SUMMARY", "");
        var start = StartOf(applicationData) ?? (lines.TryGetValue("DTSTART", out var s) ? Parse(s) : null);
        return new PimWrite(itemId, Text(kind, itemId, subject, start, applicationData.ValueOf(Tasks.Complete) == "1"));
    }

    public PimWrite? RemoveInstance(string itemId, string storedContent, string instanceId, PimCodecContext context)
    {
        if (kind != PimKind.Calendar) return null;
        var cut = storedContent.IndexOf("END:VEVENT", StringComparison.Ordinal);
        return new PimWrite(itemId, storedContent[..cut] + "EXDATE:" + instanceId + "\r\n" + storedContent[cut..]);
    }

    public bool InWindow(string content, SyncFilterType filter, DateTimeOffset now)
    {
        var lines = Lines(content);
        if (kind == PimKind.Tasks) return filter != SyncFilterType.IncompleteTasks || !lines.ContainsKey("STATUS");
        if (kind != PimKind.Calendar || filter == SyncFilterType.NoFilter || !lines.TryGetValue("DTSTART", out var start)) return true;
        var days = filter switch { SyncFilterType.TwoWeeks => 14, SyncFilterType.OneMonth => 31, SyncFilterType.ThreeMonths => 92, _ => 183 };
        return Parse(start) >= now.AddDays(-days);
    }

    private DateTimeOffset? StartOf(WbxmlElement data) =>
        kind == PimKind.Calendar && data.ValueOf(Calendar.StartTime) is { } start ? Parse(start) : null;

    private static Dictionary<string, string> Lines(string content) =>
        content.Split("\r\n").Where(l => l.Contains(':', StringComparison.Ordinal) && !l.StartsWith("BEGIN", StringComparison.Ordinal) && !l.StartsWith("END", StringComparison.Ordinal))
            .GroupBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)])
            .ToDictionary(g => g.Key, g => g.Last()[(g.Key.Length + 1)..]);

    private static string Compact(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string compact) =>
        DateTimeOffset.ParseExact(compact, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
