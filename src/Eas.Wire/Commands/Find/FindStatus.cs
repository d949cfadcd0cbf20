namespace Eas.Wire.Commands.Find;

/// <summary>
/// The Find status (MS-ASCMD 2.2.3.177.2), under find:Find and find:Response. Values outside this table come from the
/// common status table (MS-ASCMD 2.2.2), which every command may answer.
/// </summary>
public enum FindStatus
{
    /// <summary>The server completed the Find; Range and Total say what matched.</summary>
    Success = 1,

    /// <summary>The request was invalid: a malformed query, or one this server does not answer.</summary>
    InvalidRequest = 2,

    /// <summary>The folder hierarchy is out of date (a CollectionId the server does not know); the client sends FolderSync.</summary>
    FolderSyncRequired = 3,

    /// <summary>The requested Range does not begin with 0.</summary>
    StartOfRangeNotZero = 4,

    /// <summary>The store (directory or mailbox) could not be reached; the client retries later (common status 111).</summary>
    ServerErrorRetryLater = (int)CommonStatus.ServerErrorRetryLater,
}
