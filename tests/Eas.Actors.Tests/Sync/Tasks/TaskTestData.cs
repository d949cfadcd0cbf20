using Eas.Actors.Sync.Pim;
using Eas.Actors.Sync.Tasks;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Tests.Sync.Tasks;

/// <summary>Tasks as a phone sends them, and the codec driven through real WBXML bytes.</summary>
internal static class TaskTestData
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Versions => ["2.5", "12.0", "12.1", "14.0", "14.1", "16.0", "16.1"];

    public static PimCodecContext Context(ProtocolVersion version) => new(version, Now);

    /// <summary>Every field a phone of <paramref name="version"/> can send, with a weekly recurrence.</summary>
    public static WbxmlElement FullTask(ProtocolVersion version, bool complete = true)
    {
        var data = new WbxmlElement(AirSync.ApplicationData);
        if (version == ProtocolVersion.V25) data.Add(WbxmlElement.WithText(TasksPage.Body, "Bring the slides"));
        else data.Add(WbxmlElement.WithChildren(AirSyncBase.Body, WbxmlElement.WithText(AirSyncBase.Type, "1"), WbxmlElement.WithText(AirSyncBase.Data, "Bring the slides")));
        data.Add(WbxmlElement.WithText(TasksPage.Subject, "Prepare the review"));
        data.Add(WbxmlElement.WithText(TasksPage.Importance, "2"));
        data.Add(WbxmlElement.WithText(TasksPage.UtcStartDate, "2026-12-07T23:00:00.000Z"));
        data.Add(WbxmlElement.WithText(TasksPage.StartDate, "2026-12-08T00:00:00.000Z"));
        data.Add(WbxmlElement.WithText(TasksPage.UtcDueDate, "2026-12-09T23:00:00.000Z"));
        data.Add(WbxmlElement.WithText(TasksPage.DueDate, "2026-12-10T00:00:00.000Z"));
        data.Add(WbxmlElement.WithChildren(TasksPage.Categories, WbxmlElement.WithText(TasksPage.Category, "Work"), WbxmlElement.WithText(TasksPage.Category, "Q4")));
        var recurrence = WbxmlElement.WithChildren(TasksPage.Recurrence,
            WbxmlElement.WithText(TasksPage.Type, "1"),
            WbxmlElement.WithText(TasksPage.Start, "2026-12-07T23:00:00.000Z"),
            WbxmlElement.WithText(TasksPage.Occurrences, "10"),
            WbxmlElement.WithText(TasksPage.Interval, "2"),
            WbxmlElement.WithText(TasksPage.DayOfWeek, "10"),
            WbxmlElement.WithText(TasksPage.Regenerate, "0"),
            WbxmlElement.WithText(TasksPage.DeadOccur, "0"));
        if (version >= ProtocolVersion.V140)
        {
            recurrence.Add(WbxmlElement.WithText(TasksPage.CalendarType, "1"));
            recurrence.Add(WbxmlElement.WithText(TasksPage.IsLeapMonth, "0"));
        }

        if (version >= ProtocolVersion.V141) recurrence.Add(WbxmlElement.WithText(TasksPage.FirstDayOfWeek, "1"));
        data.Add(recurrence);
        data.Add(WbxmlElement.WithText(TasksPage.Complete, complete ? "1" : "0"));
        if (complete) data.Add(WbxmlElement.WithText(TasksPage.DateCompleted, "2026-12-06T15:30:00.000Z"));
        data.Add(WbxmlElement.WithText(TasksPage.Sensitivity, "1"));
        data.Add(WbxmlElement.WithText(TasksPage.ReminderTime, "2026-12-09T08:00:00.000Z"));
        data.Add(WbxmlElement.WithText(TasksPage.ReminderSet, "1"));
        if (version >= ProtocolVersion.V120)
        {
            data.Add(WbxmlElement.WithText(TasksPage.OrdinalDate, "2026-12-01T00:00:00.000Z"));
            data.Add(WbxmlElement.WithText(TasksPage.SubOrdinalDate, "5555555"));
        }

        return data;
    }

    /// <summary>The element through WBXML bytes and back, as the phone and the server exchange it.</summary>
    public static WbxmlElement ThroughBytes(WbxmlElement element) => WbxmlDocument.Parse(WbxmlWriter.Encode(element));

    public static TaskItem ReadBack(WbxmlElement built, ProtocolVersion version) => TaskWbxml.Read(ThroughBytes(built), version).Item;

    public static WbxmlElement Data(params WbxmlElement[] children) => WbxmlElement.WithChildren(AirSync.ApplicationData, children);

    /// <summary>The phone's edit of a task it was sent: every element but one, which it sends anew.</summary>
    public static WbxmlElement Edited(WbxmlElement seen, WbxmlElement replacement)
    {
        var data = new WbxmlElement(AirSync.ApplicationData);
        foreach (var child in seen.Children)
            if (child.Tag != replacement.Tag) data.Add(ThroughBytes(child));
        return data.Add(replacement);
    }

    public static WbxmlElement Text(ushort tag, string value) => WbxmlElement.WithText(tag, value);

    public static string Todo(params string[] lines) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:t1\r\nDTSTAMP:20261201T000000Z\r\n"
        + string.Concat(lines.Select(l => l + "\r\n")) + "END:VTODO\r\nEND:VCALENDAR\r\n";
}
