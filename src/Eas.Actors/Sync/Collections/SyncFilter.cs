using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Sync.Collections;

/// <summary>The time windows of FilterType for email (MS-ASCMD 2.2.3.70.1): the oldest message a phone wants.</summary>
public static class SyncFilter
{
    public static DateTimeOffset? Since(SyncFilterType? filter, DateTimeOffset now) => filter switch
    {
        SyncFilterType.OneDay => now.AddDays(-1),
        SyncFilterType.ThreeDays => now.AddDays(-3),
        SyncFilterType.OneWeek => now.AddDays(-7),
        SyncFilterType.TwoWeeks => now.AddDays(-14),
        SyncFilterType.OneMonth => now.AddMonths(-1),
        SyncFilterType.ThreeMonths => now.AddMonths(-3),
        SyncFilterType.SixMonths => now.AddMonths(-6),
        _ => null,
    };
}
