using Microsoft.Extensions.Logging;

namespace Eas.Actors.Mailboxes.Imap.Pim;

internal static partial class ImapPimLog
{
    [LoggerMessage(EventId = 1541, Level = LogLevel.Information, Message = "PIM store: created the default {Kind} folder {Folder} for {User}")]
    public static partial void DefaultFolderCreated(ILogger logger, string user, Eas.Mail.Pim.PimKind kind, string folder);

    [LoggerMessage(EventId = 1542, Level = LogLevel.Warning, Message = "PIM store: message {Uid} in {Folder} of {User} is skipped ({Reason})")]
    public static partial void MessageSkipped(ILogger logger, string user, string folder, uint uid, string reason);

    [LoggerMessage(EventId = 1543, Level = LogLevel.Information, Message = "PIM store: expunged {Count} older copies of item {ItemId} in {Folder} of {User} (left by an interrupted update)")]
    public static partial void LeftoversExpunged(ILogger logger, string user, string folder, string itemId, int count);

    [LoggerMessage(EventId = 1544, Level = LogLevel.Warning, Message = "PIM store: the server refused the folder-type annotation of {Folder} of {User}: {Reason}")]
    public static partial void MarkRefused(ILogger logger, string user, string folder, string reason);
}
