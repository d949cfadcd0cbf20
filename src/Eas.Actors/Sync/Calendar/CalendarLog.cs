using Microsoft.Extensions.Logging;

namespace Eas.Actors.Sync.Calendar;

/// <summary>The calendar codec's log lines (event ids 4600-4609).</summary>
internal static partial class CalendarLog
{
    [LoggerMessage(4600, LogLevel.Information, "Calendar item {Item} synced in its nearest form: {Note}")]
    public static partial void NearestForm(ILogger logger, string item, string note);

    [LoggerMessage(4601, LogLevel.Warning, "Calendar item {Item} has {Lines} broken lines, skipped")]
    public static partial void BrokenLines(ILogger logger, string item, int lines);

    [LoggerMessage(4602, LogLevel.Warning, "Calendar item {Item} cannot be read: {Reason}")]
    public static partial void Unreadable(ILogger logger, string item, string reason);
}
