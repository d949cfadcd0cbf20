namespace Eas.Wire.Commands.Provision;

/// <summary>
/// The Provision response status (MS-ASPROV 2.2.2.54.2; client actions in 3.1.5.2). From 14.0 on a
/// <see cref="CommonStatus"/> value may stand here instead, cast to this type (139, 141, 145). A request
/// <see cref="ProvisionRequest.Parse"/> rejects with <see cref="EasRequestFormatException"/> is answered
/// with <see cref="ProtocolError"/>.
/// </summary>
public enum ProvisionStatus
{
    /// <summary>Success; the client applies the policy in Policies, or wipes as RemoteWipe says.</summary>
    Success = 1,

    /// <summary>The request has a syntax error; the client fixes it (the answer to a malformed body).</summary>
    ProtocolError = 2,

    /// <summary>A server error, often transient; the client retries.</summary>
    ServerError = 3,
}
