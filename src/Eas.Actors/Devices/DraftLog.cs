using Microsoft.Extensions.Logging;

namespace Eas.Actors.Devices;

/// <summary>Log lines of drafts written and sent through Sync (event ids 1700-1709).</summary>
internal static partial class DraftLog
{
    [LoggerMessage(1700, LogLevel.Information, "Draft {Command} of {User} refused ({Rejection}): {Reason}")]
    public static partial void Refused(ILogger logger, string user, string command, string rejection, string reason);

    [LoggerMessage(1701, LogLevel.Warning, "Draft of {User} saved but not sent ({Failure}): {Reason}")]
    public static partial void NotSent(ILogger logger, string user, string failure, string reason);

    [LoggerMessage(1702, LogLevel.Warning, "Draft of {User} sent, but its Sent Items copy or its removal from Drafts failed: {Reason}")]
    public static partial void AfterSendFailed(ILogger logger, string user, string reason);

    [LoggerMessage(1703, LogLevel.Warning, "Draft of {User} sent, but the account has no Sent folder (SPECIAL-USE Sent) for its copy")]
    public static partial void NoSentFolder(ILogger logger, string user);

    [LoggerMessage(1704, LogLevel.Information, "Draft Add {ClientId} of {User} resent (lost response): answered again with UID {Uid}, not stored twice")]
    public static partial void AddAnsweredAgain(ILogger logger, string user, string clientId, uint uid);
}
