using Microsoft.Extensions.Logging;

namespace Eas.Mail.Pim.Dav;

/// <summary>
/// The DAV adapters' shared log lines (event ids 4100–4119; CalDAV's own are 4120–4139). <c>{Protocol}</c> is
/// <c>CardDAV</c> or <c>CalDAV</c>.
/// </summary>
internal static partial class DavLog
{
    [LoggerMessage(4100, LogLevel.Warning, "{Protocol} server for {User} named {Href} outside the account's home; ignored")]
    public static partial void HrefRefused(ILogger logger, string protocol, string user, string href);

    [LoggerMessage(4101, LogLevel.Information, "{Protocol} sync token of {Collection} for {User} no longer valid; listing the collection in full")]
    public static partial void TokenInvalid(ILogger logger, string protocol, string user, string collection);

    [LoggerMessage(4102, LogLevel.Information, "{Protocol} server for {User} does not serve sync-collection on {Collection} ({Status}); listing by PROPFIND")]
    public static partial void NoSyncCollection(ILogger logger, string protocol, string user, string collection, int status);

    [LoggerMessage(4103, LogLevel.Information, "{Protocol} server for {User} refused MOVE of {Item} ({Status}); copying it instead")]
    public static partial void MoveByCopy(ILogger logger, string protocol, string user, string item, int status);
}
