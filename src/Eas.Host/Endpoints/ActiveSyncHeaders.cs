namespace Eas.Host.Endpoints;

/// <summary>Header names and values of MS-ASHTTP 2.2.2 (responses) the server writes.</summary>
internal static class ActiveSyncHeaders
{
    public const string Path = "/Microsoft-Server-ActiveSync";
    public const string WbxmlContentType = "application/vnd.ms-sync.wbxml";

    /// <summary>MS-Server-ActiveSync: the server's version (MS-ASHTTP 2.2.2.1.2.1).</summary>
    public const string ServerVersionHeader = "MS-Server-ActiveSync";
    public const string ServerVersion = "16.1";

    /// <summary>MS-ASProtocolVersions (MS-ASHTTP 2.2.2.1.2.4).</summary>
    public const string ProtocolVersionsHeader = "MS-ASProtocolVersions";

    /// <summary>MS-ASProtocolCommands (MS-ASHTTP 2.2.2.1.2.3).</summary>
    public const string ProtocolCommandsHeader = "MS-ASProtocolCommands";

    /// <summary>
    /// X-MS-RP: the protocol versions the server supports, sent with the answer to a FolderSync with SyncKey 0
    /// so a phone that (re)starts its partnership learns them (MS-ASHTTP 2.2.2.2, 3.2.5.1.2).
    /// </summary>
    public const string ReprovisionVersionsHeader = "X-MS-RP";

    /// <summary>Realm of the Basic challenge.</summary>
    public const string BasicChallenge = "Basic realm=\"ActiveSync\"";

    /// <summary>Names the condition a 503 throttles (MS-ASHTTP 2.2.2.1.2.13).</summary>
    public const string ThrottleHeader = "X-MS-ASThrottle";

    /// <summary>
    /// The headers that tell a phone what the server speaks: MS-ASProtocolVersions and MS-ASProtocolCommands
    /// (MS-ASHTTP 2.2.2.1.2.3, 2.2.2.1.2.4), in the OPTIONS answer and, with X-MS-RP, in the answer to a
    /// FolderSync with SyncKey 0 (MS-ASHTTP 3.2.5.1.2).
    /// </summary>
    public static void WriteCapabilities(IHeaderDictionary headers, CommandCatalog catalog, bool withReprovision)
    {
        headers[ServerVersionHeader] = ServerVersion;
        headers[ProtocolVersionsHeader] = Eas.Wire.Http.ProtocolVersion.SupportedHeaderValue;
        headers[ProtocolCommandsHeader] = catalog.HeaderValue;
        if (withReprovision) headers[ReprovisionVersionsHeader] = Eas.Wire.Http.ProtocolVersion.SupportedHeaderValue;
    }
}
