using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Sync.Tasks;

/// <summary>
/// Tasks (MS-ASTASK) between a store's iCalendar object (a VCALENDAR with one VTODO, RFC 5545 3.6.2) and Sync
/// ApplicationData: the fields by <see cref="TaskVTodo"/>, the recurrence by <see cref="TaskRRule"/>, the wire form by
/// <see cref="TaskWbxml"/>, a phone's Change by <see cref="TaskChange"/>. Properties the phone never sees stay in the
/// stored object through a Change. FilterType 8 (MS-ASCMD 2.2.3.68, incomplete tasks) keeps only tasks that are not
/// complete; every other filter keeps all. A task has no instances to delete (InstanceId is calendar only).
/// </summary>
public sealed class TasksCodec(ILogger? logger = null) : IPimItemCodec
{
    private readonly ILogger logger = logger ?? NullLogger.Instance;

    public PimKind Kind => PimKind.Tasks;

    public string ClassName => "Tasks";

    public WbxmlElement Build(string content, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var todo = Load(content);
        var lost = new List<string>();
        var item = TaskVTodo.Read(todo, context.Now.UtcDateTime, lost);
        if (lost.Count > 0) TasksLog.RecurrenceBeyondEas(logger, todo.Uid ?? "?", string.Join(", ", lost));
        return TaskWbxml.Build(item, context.Version, context);
    }

    public PimWrite Create(string newId, WbxmlElement applicationData, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendar = PimICalendar.Create();
        var todo = new Todo { Uid = newId, DtStamp = PimICalendar.Utc(context.Now.UtcDateTime), Status = "NEEDS-ACTION" };
        calendar.Todos.Add(todo);
        var item = Complete(TaskWbxml.Read(applicationData, context.Version).Item, null, context.Now.UtcDateTime);
        Write(newId, todo, TaskItem.Empty, item, context);
        return new PimWrite(newId, PimICalendar.Serialize(calendar));
    }

    public PimWrite Change(string itemId, string? storedContent, WbxmlElement applicationData, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Now.UtcDateTime;
        Ical.Net.Calendar calendar;
        Todo todo;
        try
        {
            (calendar, var dropped) = storedContent is null ? throw new PimContentException("No stored task.") : PimICalendar.Load(storedContent);
            if (dropped > 0) TasksLog.BrokenLines(logger, itemId, dropped);
            todo = calendar.Todos.FirstOrDefault() ?? AddTodo(calendar, itemId, now);
        }
        catch (PimContentException)
        {
            calendar = PimICalendar.Create();
            todo = AddTodo(calendar, itemId, now);
        }

        var before = TaskVTodo.Read(todo, now, []);
        var after = Complete(TaskChange.Apply(before, TaskWbxml.Read(applicationData, context.Version), context.Version), before, now);
        Write(itemId, todo, before, after, context);
        todo.LastModified = PimICalendar.Utc(now);
        todo.DtStamp = PimICalendar.Utc(now);
        return new PimWrite(itemId, PimICalendar.Serialize(calendar));
    }

    public PimWrite? RemoveInstance(string itemId, string storedContent, string instanceId, PimCodecContext context) => null;

    public bool InWindow(string content, SyncFilterType filter, DateTimeOffset now)
    {
        if (filter != SyncFilterType.IncompleteTasks) return true;
        try
        {
            return !TaskVTodo.Read(Load(content), now.UtcDateTime, []).Complete;
        }
        catch (PimContentException)
        {
            return true;
        }
    }

    private Todo Load(string content)
    {
        var (calendar, dropped) = PimICalendar.Load(content);
        var todo = calendar.Todos.FirstOrDefault() ?? throw new PimContentException("The iCalendar object holds no VTODO.");
        if (dropped > 0) TasksLog.BrokenLines(logger, todo.Uid ?? "?", dropped);
        return todo;
    }

    private void Write(string itemId, Todo todo, TaskItem before, TaskItem after, PimCodecContext context)
    {
        if (after.Recurrence is { CalendarType: { } type } && type is not (0 or 1) && after.Recurrence != before.Recurrence)
            TasksLog.NonGregorianRecurrence(logger, itemId, type);
        TaskVTodo.Write(todo, before, after, context.Now.UtcDateTime);
    }

    private static Todo AddTodo(Ical.Net.Calendar calendar, string itemId, DateTime now)
    {
        var todo = new Todo { Uid = itemId, DtStamp = PimICalendar.Utc(now), Status = "NEEDS-ACTION" };
        calendar.Todos.Add(todo);
        return todo;
    }

    /// <summary>
    /// What the phone left implicit: the completion time of a task it completed without DateCompleted (MS-ASTASK
    /// 2.2.2.8: required then; the stored one if it was complete, else now) and the Start of a recurrence it sent
    /// without one (the task's start, else its due date, else now).
    /// </summary>
    private static TaskItem Complete(TaskItem item, TaskItem? stored, DateTime now)
    {
        if (item.Complete && item.DateCompleted is null) item = item with { DateCompleted = stored is { Complete: true } ? stored.DateCompleted ?? now : now };
        if (!item.Complete) item = item with { DateCompleted = null };
        if (item.Recurrence is { } recurrence && recurrence.Start == DateTime.MinValue)
            item = item with { Recurrence = recurrence with { Start = item.UtcStartDate ?? item.UtcDueDate ?? now } };
        return item;
    }
}
