namespace Eas.Wire.Commands.Search;

/// <summary>
/// The Search status (MS-ASCMD 2.2.3.177.13). Under the Search element only <see cref="Success"/> and
/// <see cref="ServerError"/> occur; under Store the whole table. A request <see cref="SearchRequest.Parse"/> rejects
/// is answered, from 14.0, with the common status <see cref="CommonStatus.InvalidXML"/> (or
/// <see cref="CommonStatus.InvalidCombinationOfIDs"/> for a missing element) and with HTTP 400 before.
/// </summary>
public enum SearchStatus
{
    /// <summary>The search ran; Range and Total say what matched.</summary>
    Success = 1,

    /// <summary>Invalid request: the query or its options are not usable for this store (a protocol error).</summary>
    InvalidRequest = 2,

    /// <summary>Server error; the client retries later (the directory or the mailbox could not be reached).</summary>
    ServerError = 3,

    /// <summary>A document library link is bad.</summary>
    BadLink = 4,

    /// <summary>Access denied.</summary>
    AccessDenied = 5,

    /// <summary>Not found (a folder named by CollectionId does not exist).</summary>
    NotFound = 6,

    /// <summary>Connection to the store failed.</summary>
    ConnectionFailed = 7,

    /// <summary>The query is too complex (or too long) for the server.</summary>
    TooComplex = 8,

    /// <summary>The search timed out; the client may retry with a narrower query.</summary>
    TimedOut = 10,

    /// <summary>The folder hierarchy is out of date; the client sends FolderSync.</summary>
    FolderSyncRequired = 11,

    /// <summary>The requested Range starts past the end of the results.</summary>
    EndOfRetrievableRange = 12,

    /// <summary>Access to the store is blocked.</summary>
    AccessBlocked = 13,

    /// <summary>Credentials are required (UserName and Password for a document library).</summary>
    CredentialsRequired = 14,
}
