namespace Eas.Wire.Commands.Ping;

/// <summary>
/// The Ping response status (MS-ASCMD 2.2.3.177.11). From 14.0 on a <see cref="CommonStatus"/> value may
/// stand here instead, cast to this type. A request <see cref="PingRequest.Parse"/> rejects with
/// <see cref="EasRequestFormatException"/> is answered with <see cref="ProtocolError"/>.
/// </summary>
public enum PingStatus
{
    /// <summary>The heartbeat interval passed without changes; the client reissues the Ping.</summary>
    Expired = 1,

    /// <summary>Changes occurred in the folders listed in the response; the client syncs them, then pings again.</summary>
    ChangesFound = 2,

    /// <summary>The server has no cached parameters for an empty or partial Ping; the client resends with HeartbeatInterval and Folders.</summary>
    MissingParameters = 3,

    /// <summary>The request could not be parsed; the client fixes its request (the answer to a malformed body).</summary>
    ProtocolError = 4,

    /// <summary>The heartbeat interval is out of range; the client retries with the HeartbeatInterval the response gives.</summary>
    InvalidHeartbeatInterval = 5,

    /// <summary>Too many folders to watch; the client retries with at most the MaxFolders the response gives.</summary>
    TooManyFolders = 6,

    /// <summary>The folder hierarchy changed; the client sends FolderSync, then pings again.</summary>
    FolderHierarchySyncRequired = 7,

    /// <summary>A server error; the client retries the Ping later.</summary>
    ServerError = 8,
}
