using Microsoft.Extensions.Logging;

namespace Eas.Actors.Sync.Notes;

/// <summary>Log lines of the notes codec (event ids 4660-4669).</summary>
internal static partial class NotesLog
{
    [LoggerMessage(4660, LogLevel.Warning, "Note {Item}: {Lines} broken iCalendar lines dropped to read it")]
    public static partial void BrokenLines(ILogger logger, string item, int lines);

    [LoggerMessage(4661, LogLevel.Warning, "Note {Item}: the stored object cannot be read ({Reason}); the phone's change starts from an empty note")]
    public static partial void UnreadableOnChange(ILogger logger, string item, string reason);
}
