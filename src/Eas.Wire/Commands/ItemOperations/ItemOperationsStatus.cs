namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// The ItemOperations status (MS-ASCMD 2.2.3.177.8), global and per operation. From 14.0 on a
/// <see cref="CommonStatus"/> value may stand here instead, cast to this type. A request
/// <see cref="ItemOperationsRequest.Parse"/> rejects with <see cref="EasRequestFormatException"/> is
/// answered with a global <see cref="ProtocolError"/>.
/// </summary>
public enum ItemOperationsStatus
{
    /// <summary>Success.</summary>
    Success = 1,

    /// <summary>The request is malformed (also: an option that does not fit the operation); the client fixes it.</summary>
    ProtocolError = 2,

    /// <summary>A server error; the client retries later.</summary>
    ServerError = 3,

    /// <summary>The document library link is malformed; the client fixes the LinkId.</summary>
    DocumentLibraryBadUri = 4,

    /// <summary>The document library denied access; the client tells the user.</summary>
    DocumentLibraryAccessDenied = 5,

    /// <summary>The object was not found or access to it was denied; the client drops its reference.</summary>
    ObjectNotFound = 6,

    /// <summary>The server could not connect to the document library; the client retries later.</summary>
    DocumentLibraryConnectionFailed = 7,

    /// <summary>The byte range is invalid or too large; the client asks for a valid Range.</summary>
    InvalidByteRange = 8,

    /// <summary>The Store is unknown or not supported; the client fixes the Store.</summary>
    UnknownStore = 9,

    /// <summary>The file is empty; nothing to fetch.</summary>
    FileEmpty = 10,

    /// <summary>The data is larger than the server will send; the client asks for a Range.</summary>
    DataTooLarge = 11,

    /// <summary>An I/O failure while downloading the file; the client retries later.</summary>
    IoFailure = 12,

    /// <summary>The item could not be converted to the format asked for; the client asks for another format.</summary>
    ConversionFailure = 14,

    /// <summary>The attachment or attachment id is invalid; the client resyncs the item.</summary>
    InvalidAttachment = 15,

    /// <summary>Access to the resource is denied; the client tells the user.</summary>
    ResourceAccessDenied = 16,

    /// <summary>The operation completed in part; the client checks the per-item statuses.</summary>
    PartialSuccess = 17,

    /// <summary>The document library needs credentials; the client sends UserName and Password.</summary>
    CredentialsRequired = 18,
}
