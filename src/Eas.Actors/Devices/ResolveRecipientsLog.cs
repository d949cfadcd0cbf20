using Microsoft.Extensions.Logging;

namespace Eas.Actors.Devices;

/// <summary>ResolveRecipients' log messages, with stable event ids.</summary>
internal static partial class ResolveRecipientsLog
{
    [LoggerMessage(1251, LogLevel.Warning, "ResolveRecipients of {User} answered Status 6: the GAL is unavailable ({Reason})")]
    public static partial void DirectoryUnavailable(ILogger logger, string user, string reason);
}
