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

    /// <summary>Realm of the Basic challenge.</summary>
    public const string BasicChallenge = "Basic realm=\"ActiveSync\"";

    /// <summary>Names the condition a 503 throttles (MS-ASHTTP 2.2.2.1.2.13).</summary>
    public const string ThrottleHeader = "X-MS-ASThrottle";
}
