namespace Eas.Wire.Commands.GetItemEstimate;

/// <summary>
/// The GetItemEstimate status (MS-ASCMD 2.2.3.177.7), per collection in Response, or global when the
/// whole request fails. The table has no protocol-error code: a request
/// <see cref="GetItemEstimateRequest.Parse"/> rejects with <see cref="EasRequestFormatException"/> is
/// answered with <see cref="CommonStatus.InvalidXML"/>, or <see cref="CommonStatus.InvalidCombinationOfIDs"/> for a
/// missing element (cast to this type), from 14.0 on, and with HTTP 400
/// before.
/// </summary>
public enum GetItemEstimateStatus
{
    /// <summary>Success; the client shows or uses the Estimate.</summary>
    Success = 1,

    /// <summary>The collection is unknown, or MaxItems was sent for a collection other than RI; the client sends FolderSync or fixes its request.</summary>
    InvalidCollection = 2,

    /// <summary>The collection has not been primed with a Sync (SyncKey 0); the client sends Sync first.</summary>
    SyncStateNotPrimed = 3,

    /// <summary>The SyncKey does not match the server's; the client restarts the collection from SyncKey 0.</summary>
    InvalidSyncKey = 4,
}
