namespace Eas.Wire.Commands.Sync;

/// <summary>
/// The time window of airsync:FilterType (MS-ASCMD 2.2.3.68): which items a Sync or GetItemEstimate
/// covers. Calendar folders use 0 and 4-7; email 0-5; tasks 0 and 8.
/// </summary>
public enum SyncFilterType
{
    /// <summary>No filter: all items.</summary>
    NoFilter = 0,

    /// <summary>Items from the last day.</summary>
    OneDay = 1,

    /// <summary>Items from the last three days.</summary>
    ThreeDays = 2,

    /// <summary>Items from the last week.</summary>
    OneWeek = 3,

    /// <summary>Items from the last two weeks.</summary>
    TwoWeeks = 4,

    /// <summary>Items from the last month.</summary>
    OneMonth = 5,

    /// <summary>Items from the last three months (calendar only).</summary>
    ThreeMonths = 6,

    /// <summary>Items from the last six months (calendar only).</summary>
    SixMonths = 7,

    /// <summary>Incomplete tasks only (tasks only).</summary>
    IncompleteTasks = 8,
}
