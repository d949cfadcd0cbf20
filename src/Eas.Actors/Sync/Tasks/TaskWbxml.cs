using System.Globalization;
using Eas.Actors.Sync.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Sync.Tasks;

/// <summary>
/// A task as airsync:ApplicationData (MS-ASCMD 2.2.3.11) in a Sync Add or Change, both ways, for 2.5 to 16.1
/// (MS-ASTASK 2.2.2). The body is airsyncbase:Body from 12.0, tasks:Body/BodySize/BodyTruncated in 2.5; OrdinalDate
/// and SubOrdinalDate are 12.0+; CalendarType and IsLeapMonth 14.0+; FirstDayOfWeek 14.1+ (<see cref="TaskVersionRules"/>).
/// Complete is always written (2.2.2.7: required), DateCompleted with it when the task is complete (2.2.2.8), the
/// local and UTC forms of a start or due date together, ReminderSet always.
/// </summary>
public static class TaskWbxml
{
    private static readonly LegacyBodyTags LegacyBody = new(TasksPage.Body, TasksPage.BodySize, TasksPage.BodyTruncated);

    public static WbxmlElement Build(TaskItem item, ProtocolVersion version, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        var data = new WbxmlElement(AirSync.ApplicationData);
        item.Body.Write(data, version, context, LegacyBody);
        AddText(data, TasksPage.Subject, item.Subject);
        AddNumber(data, TasksPage.Importance, item.Importance);
        AddTime(data, TasksPage.UtcStartDate, item.UtcStartDate);
        AddTime(data, TasksPage.StartDate, item.StartDate);
        AddTime(data, TasksPage.UtcDueDate, item.UtcDueDate);
        AddTime(data, TasksPage.DueDate, item.DueDate);
        if (!item.Categories.IsDefaultOrEmpty)
            data.Add(WbxmlElement.WithChildren(TasksPage.Categories, item.Categories.Select(c => WbxmlElement.WithText(TasksPage.Category, c))));
        if (item.Recurrence is { } recurrence) data.Add(BuildRecurrence(recurrence, version));
        AddNumber(data, TasksPage.Complete, item.Complete ? 1 : 0);
        if (item.Complete) AddTime(data, TasksPage.DateCompleted, item.DateCompleted);
        AddNumber(data, TasksPage.Sensitivity, item.Sensitivity);
        if (item.ReminderSet) AddTime(data, TasksPage.ReminderTime, item.ReminderTime);
        AddNumber(data, TasksPage.ReminderSet, item.ReminderSet ? 1 : 0);
        if (TaskVersionRules.Allows(TasksPage.OrdinalDate, version))
        {
            AddTime(data, TasksPage.OrdinalDate, item.OrdinalDate);
            AddText(data, TasksPage.SubOrdinalDate, item.SubOrdinalDate);
        }

        return data;
    }

    /// <summary>
    /// The task a phone sent and which of its elements it sent. Elements the version does not have and elements of
    /// other pages are ignored; a start or due date sent in one form only is taken for both.
    /// </summary>
    public static TaskUpdate Read(WbxmlElement applicationData, ProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(applicationData);
        var item = TaskItem.Empty;
        var present = new HashSet<ushort>();
        foreach (var element in applicationData.Children)
        {
            var tag = element.Tag;
            if (PimTextBody.Read(element, version, TasksPage.Body) is { } body)
            {
                present.Add(TasksPage.Body);
                item = item with { Body = body };
                continue;
            }

            if (!TaskVersionRules.Allows(tag, version)) continue;
            var text = element.Text;
            item = tag switch
            {
                TasksPage.Subject => item with { Subject = NullIfEmpty(text) },
                TasksPage.Categories => item with { Categories = [.. element.Elements(TasksPage.Category).Select(c => c.Text).Where(c => c.Length > 0)] },
                TasksPage.Complete => item with { Complete = text.Trim() == "1" },
                TasksPage.DateCompleted => item with { DateCompleted = PimICalendar.ParseWireTime(text) },
                TasksPage.StartDate => item with { StartDate = PimICalendar.ParseWireTime(text) },
                TasksPage.UtcStartDate => item with { UtcStartDate = PimICalendar.ParseWireTime(text) },
                TasksPage.DueDate => item with { DueDate = PimICalendar.ParseWireTime(text) },
                TasksPage.UtcDueDate => item with { UtcDueDate = PimICalendar.ParseWireTime(text) },
                TasksPage.Importance => item with { Importance = Number(text) },
                TasksPage.Sensitivity => item with { Sensitivity = Number(text) },
                TasksPage.ReminderSet => item with { ReminderSet = text.Trim() == "1" },
                TasksPage.ReminderTime => item with { ReminderTime = PimICalendar.ParseWireTime(text) },
                TasksPage.Recurrence => item with { Recurrence = ReadRecurrence(element, version) },
                TasksPage.OrdinalDate => item with { OrdinalDate = PimICalendar.ParseWireTime(text) },
                TasksPage.SubOrdinalDate => item with { SubOrdinalDate = NullIfEmpty(text) },
                _ => item,
            };
            if (TaskVersionRules.IsTopLevel(tag)) present.Add(tag);
        }

        item = item with
        {
            StartDate = item.StartDate ?? item.UtcStartDate,
            UtcStartDate = item.UtcStartDate ?? item.StartDate,
            DueDate = item.DueDate ?? item.UtcDueDate,
            UtcDueDate = item.UtcDueDate ?? item.DueDate,
        };
        return new TaskUpdate(item, present);
    }

    private static WbxmlElement BuildRecurrence(TaskRecurrence recurrence, ProtocolVersion version)
    {
        var element = new WbxmlElement(TasksPage.Recurrence);
        AddNumber(element, TasksPage.Type, (int)recurrence.Type);
        AddTime(element, TasksPage.Start, recurrence.Start);
        AddTime(element, TasksPage.Until, recurrence.Until);
        AddNumber(element, TasksPage.Occurrences, recurrence.Occurrences);
        AddNumber(element, TasksPage.Interval, recurrence.Interval);
        AddNumber(element, TasksPage.DayOfMonth, recurrence.DayOfMonth);
        AddNumber(element, TasksPage.DayOfWeek, recurrence.DayOfWeek);
        AddNumber(element, TasksPage.WeekOfMonth, recurrence.WeekOfMonth);
        AddNumber(element, TasksPage.MonthOfYear, recurrence.MonthOfYear);
        AddNumber(element, TasksPage.Regenerate, Bit(recurrence.Regenerate));
        AddNumber(element, TasksPage.DeadOccur, Bit(recurrence.DeadOccur));
        if (TaskVersionRules.Allows(TasksPage.CalendarType, version))
        {
            AddNumber(element, TasksPage.CalendarType, recurrence.CalendarType);
            AddNumber(element, TasksPage.IsLeapMonth, Bit(recurrence.IsLeapMonth));
        }

        if (TaskVersionRules.Allows(TasksPage.FirstDayOfWeek, version)) AddNumber(element, TasksPage.FirstDayOfWeek, recurrence.FirstDayOfWeek);
        return element;
    }

    private static TaskRecurrence ReadRecurrence(WbxmlElement element, ProtocolVersion version)
    {
        int? Get(ushort tag) => TaskVersionRules.Allows(tag, version) ? Number(element.ValueOf(tag)) : null;
        return new TaskRecurrence
        {
            Type = Get(TasksPage.Type) is { } type && Enum.IsDefined((TaskRecurrenceType)type) ? (TaskRecurrenceType)type : TaskRecurrenceType.Daily,
            Start = PimICalendar.ParseWireTime(element.ValueOf(TasksPage.Start)) ?? DateTime.MinValue,
            Until = PimICalendar.ParseWireTime(element.ValueOf(TasksPage.Until)),
            Occurrences = Get(TasksPage.Occurrences),
            Interval = Get(TasksPage.Interval),
            DayOfMonth = Get(TasksPage.DayOfMonth),
            DayOfWeek = Get(TasksPage.DayOfWeek),
            WeekOfMonth = Get(TasksPage.WeekOfMonth),
            MonthOfYear = Get(TasksPage.MonthOfYear),
            Regenerate = Get(TasksPage.Regenerate) is { } regenerate ? regenerate == 1 : null,
            DeadOccur = Get(TasksPage.DeadOccur) is { } dead ? dead == 1 : null,
            CalendarType = Get(TasksPage.CalendarType),
            IsLeapMonth = Get(TasksPage.IsLeapMonth) is { } leap ? leap == 1 : null,
            FirstDayOfWeek = Get(TasksPage.FirstDayOfWeek),
        };
    }

    private static int? Bit(bool? value) => value is { } set ? (set ? 1 : 0) : null;

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static void AddText(WbxmlElement parent, ushort tag, string? value)
    {
        if (!string.IsNullOrEmpty(value)) parent.Add(WbxmlElement.WithText(tag, value));
    }

    private static void AddNumber(WbxmlElement parent, ushort tag, int? value)
    {
        if (value is { } number) parent.Add(WbxmlElement.WithText(tag, number.ToString(CultureInfo.InvariantCulture)));
    }

    private static void AddTime(WbxmlElement parent, ushort tag, DateTime? value)
    {
        if (value is { } time) parent.Add(WbxmlElement.WithText(tag, PimICalendar.FormatWireTime(time)));
    }
}

/// <summary>What a phone's Add or Change said: the task, and the tags of the top-level elements it sent (the body as tasks:Body).</summary>
public sealed record TaskUpdate(TaskItem Item, IReadOnlySet<ushort> Present);
