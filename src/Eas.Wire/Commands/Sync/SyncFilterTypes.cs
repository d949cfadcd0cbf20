namespace Eas.Wire.Commands.Sync;

/// <summary>
/// Which <see cref="SyncFilterType"/> values apply to which class (MS-ASCMD 2.2.3.68.1, 2.2.3.68.2): email (and
/// SMS) 0-5, calendar 0 and 4-7, tasks 0 and 8. Classes without a time window (contacts, notes) take only 0.
/// </summary>
public static class SyncFilterTypes
{
    /// <summary>Whether <paramref name="filter"/> is one the class <paramref name="className"/> (airsync:Class) can take.</summary>
    public static bool AppliesTo(SyncFilterType filter, string className) => className switch
    {
        "Email" or "SMS" => filter <= SyncFilterType.OneMonth,
        "Calendar" => filter is SyncFilterType.NoFilter or (>= SyncFilterType.TwoWeeks and <= SyncFilterType.SixMonths),
        "Tasks" => filter is SyncFilterType.NoFilter or SyncFilterType.IncompleteTasks,
        _ => filter == SyncFilterType.NoFilter,
    };
}
