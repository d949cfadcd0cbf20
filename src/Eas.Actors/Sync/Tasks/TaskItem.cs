using System.Collections.Immutable;
using Eas.Actors.Sync.Pim;

namespace Eas.Actors.Sync.Tasks;

/// <summary>
/// A task as EAS names it (MS-ASTASK 2.2.2). Times are UTC <see cref="DateTime"/>s except <see cref="StartDate"/> and
/// <see cref="DueDate"/>, which are the user's local wall-clock times that EAS writes with a Z suffix
/// (MS-ASTASK 2.2.2.12 DueDate, 2.2.2.26 StartDate) next to their UTC forms (2.2.2.31 UtcDueDate, 2.2.2.32 UtcStartDate).
/// </summary>
public sealed record TaskItem
{
    public static TaskItem Empty { get; } = new();

    public string? Subject { get; init; }

    public PimTextBody Body { get; init; } = PimTextBody.None;

    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>MS-ASTASK 2.2.2.7: required; 1 when the task is done.</summary>
    public bool Complete { get; init; }

    /// <summary>MS-ASTASK 2.2.2.8: when it was done; sent only for a complete task.</summary>
    public DateTime? DateCompleted { get; init; }

    public DateTime? StartDate { get; init; }

    public DateTime? UtcStartDate { get; init; }

    public DateTime? DueDate { get; init; }

    public DateTime? UtcDueDate { get; init; }

    /// <summary>MS-ASTASK 2.2.2.14: 0 low, 1 normal, 2 high; any other value is kept and returned as sent.</summary>
    public int? Importance { get; init; }

    /// <summary>MS-ASTASK 2.2.2.24: 0 normal, 1 personal, 2 private, 3 confidential.</summary>
    public int? Sensitivity { get; init; }

    public bool ReminderSet { get; init; }

    public DateTime? ReminderTime { get; init; }

    public TaskRecurrence? Recurrence { get; init; }

    /// <summary>MS-ASTASK 2.2.2.19, 12.0+: a dateTime the phone sorts by.</summary>
    public DateTime? OrdinalDate { get; init; }

    /// <summary>MS-ASTASK 2.2.2.28, 12.0+: the tie-breaker for equal OrdinalDates.</summary>
    public string? SubOrdinalDate { get; init; }

    /// <summary>Equality with the categories and body compared by value.</summary>
    public bool Equals(TaskItem? other) =>
        other is not null && Subject == other.Subject && Body == other.Body && Categories.SequenceEqual(other.Categories)
        && Complete == other.Complete && DateCompleted == other.DateCompleted && StartDate == other.StartDate
        && UtcStartDate == other.UtcStartDate && DueDate == other.DueDate && UtcDueDate == other.UtcDueDate
        && Importance == other.Importance && Sensitivity == other.Sensitivity && ReminderSet == other.ReminderSet
        && ReminderTime == other.ReminderTime && Recurrence == other.Recurrence && OrdinalDate == other.OrdinalDate
        && SubOrdinalDate == other.SubOrdinalDate;

    public override int GetHashCode() => HashCode.Combine(Subject, Complete, UtcDueDate, UtcStartDate, Recurrence);
}
