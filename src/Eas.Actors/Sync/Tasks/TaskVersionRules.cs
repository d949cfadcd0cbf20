using Eas.Wire.Http;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Sync.Tasks;

/// <summary>
/// Which Tasks elements each protocol version has (the Protocol Versions table of each MS-ASTASK 2.2.2 section):
/// tasks:Body, BodySize and BodyTruncated only 2.5 (12.0+ use airsyncbase:Body); OrdinalDate and SubOrdinalDate
/// 12.0+; CalendarType and IsLeapMonth 14.0+; FirstDayOfWeek 14.1+; every other element all versions.
/// </summary>
public static class TaskVersionRules
{
    public static bool Allows(ushort tag, ProtocolVersion version) => tag switch
    {
        TasksPage.Body or TasksPage.BodySize or TasksPage.BodyTruncated => version == ProtocolVersion.V25,
        TasksPage.OrdinalDate or TasksPage.SubOrdinalDate => version >= ProtocolVersion.V120,
        TasksPage.CalendarType or TasksPage.IsLeapMonth => version >= ProtocolVersion.V140,
        TasksPage.FirstDayOfWeek => version >= ProtocolVersion.V141,
        _ => true,
    };

    /// <summary>The top-level elements of a task in ApplicationData (the body counts as tasks:Body).</summary>
    public static bool IsTopLevel(ushort tag) => tag is TasksPage.Subject or TasksPage.Body or TasksPage.Categories
        or TasksPage.Complete or TasksPage.DateCompleted or TasksPage.StartDate or TasksPage.UtcStartDate
        or TasksPage.DueDate or TasksPage.UtcDueDate or TasksPage.Importance or TasksPage.Sensitivity
        or TasksPage.ReminderSet or TasksPage.ReminderTime or TasksPage.Recurrence or TasksPage.OrdinalDate
        or TasksPage.SubOrdinalDate;
}
