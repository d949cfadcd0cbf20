namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>
/// The ResolveRecipients command's own Status, under the ResolveRecipients element (MS-ASCMD 2.2.3.177.12). A request
/// <see cref="ResolveRecipientsRequest.Parse"/> rejects is answered <see cref="ProtocolError"/> in every version
/// (<see cref="ProtocolErrorStatus"/>).
/// </summary>
public enum ResolveRecipientsStatus
{
    /// <summary>The request was processed; each To has its own Response.</summary>
    Success = 1,

    /// <summary>An invalid parameter (a malformed element, an availability range out of limits); the client fixes its request.</summary>
    ProtocolError = 5,

    /// <summary>An error on the server (the directory cannot be reached); the client SHOULD retry the request.</summary>
    ServerError = 6,
}
