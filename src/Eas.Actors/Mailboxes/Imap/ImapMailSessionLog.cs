using Microsoft.Extensions.Logging;

namespace Eas.Actors.Mailboxes.Imap;

internal static partial class ImapMailSessionLog
{
    [LoggerMessage(EventId = 5400, Level = LogLevel.Debug, Message = "Message {Uid} in {Folder} of {User} came back without its body (expunged since its flags were read); left out of the window")]
    public static partial void BodyMissing(ILogger logger, string user, string folder, uint uid);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Message {Uid} in {Folder} of {User} could not be read from its buffer; left out of the window")]
    public static partial void BodyUnreadable(ILogger logger, Exception exception, string user, string folder, uint uid);
}
