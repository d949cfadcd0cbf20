using Microsoft.Extensions.Logging;

namespace Eas.Mail.Pim.CardDav;

/// <summary>The CardDAV adapter's log lines (event ids 4100–4119).</summary>
internal static partial class CardDavLog
{
    [LoggerMessage(4100, LogLevel.Warning, "CardDAV server for {User} named {Href} outside the account's address books; ignored")]
    public static partial void HrefRefused(ILogger logger, string user, string href);

    [LoggerMessage(4101, LogLevel.Information, "CardDAV sync token of {Collection} for {User} no longer valid; listing the collection in full")]
    public static partial void TokenInvalid(ILogger logger, string user, string collection);

    [LoggerMessage(4102, LogLevel.Information, "CardDAV server for {User} does not serve sync-collection on {Collection} ({Status}); listing by PROPFIND")]
    public static partial void NoSyncCollection(ILogger logger, string user, string collection, int status);

    [LoggerMessage(4103, LogLevel.Information, "CardDAV server for {User} refused MOVE of {Item} ({Status}); copying it instead")]
    public static partial void MoveByCopy(ILogger logger, string user, string item, int status);
}
