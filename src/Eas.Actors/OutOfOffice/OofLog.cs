using Microsoft.Extensions.Logging;

namespace Eas.Actors.OutOfOffice;

/// <summary>Out-of-office log lines (event ids 4700–4709).</summary>
internal static partial class OofLog
{
    [LoggerMessage(4700, LogLevel.Warning, "Settings Oof of {User} answered Status {Status}: the ManageSieve server is unavailable ({Reason})")]
    public static partial void Unavailable(ILogger logger, string user, string status, string reason);

    [LoggerMessage(4701, LogLevel.Warning, "Settings Oof Set of {User} refused with Status {Status}: {Reason}")]
    public static partial void SetRefused(ILogger logger, string user, string status, string reason);

    [LoggerMessage(4702, LogLevel.Warning, "Settings Oof of {User}: the ManageSieve server refused {Command} ({Code}): {Reason}")]
    public static partial void SieveRefused(ILogger logger, string user, string command, string? code, string? reason);

    [LoggerMessage(4703, LogLevel.Information, "Settings Oof of {User}: the out-of-office script is now included by the active Sieve script {Script}")]
    public static partial void Included(ILogger logger, string user, string script);

    [LoggerMessage(4704, LogLevel.Warning, "Settings Oof Get of {User}: the stored out-of-office script holds no settings that can be read; answered as off")]
    public static partial void Unreadable(ILogger logger, string user);
}
