using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The Tasks data class in a response (MS-ASTASK 2.2.2): the top-level elements as values, Categories as Category
/// elements (zero or more), and Recurrence (2.2.2.20) as an all group in which Type (2.2.2.29) and Start (2.2.2.25)
/// are required and Until, Occurrences, Interval, DayOfWeek, DayOfMonth, WeekOfMonth, MonthOfYear, Regenerate,
/// DeadOccur, CalendarType, IsLeapMonth and FirstDayOfWeek optional. The body is airsyncbase:Body for 12.0+
/// (<see cref="DataClassSchema.Body"/>) and Body, BodySize, BodyTruncated of this page for 2.5.
/// </summary>
internal static class TasksSchema
{
    private static readonly SchemaElement Categories = Node(Tasks.Categories, Value(Tasks.Category).Optional().Many());

    private static readonly SchemaElement Recurrence = Node(Tasks.Recurrence, All([
        Value(Tasks.Type),
        Value(Tasks.Start),
        .. OptionalValues(Tasks.Until, Tasks.Occurrences, Tasks.Interval, Tasks.DayOfWeek, Tasks.DayOfMonth, Tasks.WeekOfMonth,
            Tasks.MonthOfYear, Tasks.Regenerate, Tasks.DeadOccur, Tasks.CalendarType, Tasks.IsLeapMonth, Tasks.FirstDayOfWeek),
    ]));

    /// <summary>Every element of the class, for the item's unbounded choice.</summary>
    public static readonly SchemaParticle[] Properties =
    [
        Categories, Recurrence,
        .. OptionalValues(Tasks.Body, Tasks.BodySize, Tasks.BodyTruncated, Tasks.Complete, Tasks.DateCompleted, Tasks.DueDate,
            Tasks.UtcDueDate, Tasks.Importance, Tasks.ReminderSet, Tasks.ReminderTime, Tasks.Sensitivity, Tasks.StartDate,
            Tasks.UtcStartDate, Tasks.Subject, Tasks.CompressedRTF, Tasks.OrdinalDate, Tasks.SubOrdinalDate),
    ];
}
