using Microsoft.Extensions.Logging;

namespace Eas.Mail.Pim.CalDav;

/// <summary>The CalDAV adapter's own log lines (event ids 4120–4139; the shared DAV ones are 4100–4119).</summary>
internal static partial class CalDavLog
{
    [LoggerMessage(4120, LogLevel.Information, "CalDAV server for {User} names no calendar home from {Start}; using it as the home")]
    public static partial void NoCalendarHome(ILogger logger, string user, string start);

    [LoggerMessage(4121, LogLevel.Warning, "CalDAV server for {User} named the calendar home {Href}, on another origin than {Start}; refused")]
    public static partial void HomeRefused(ILogger logger, string user, string href, string start);
}
