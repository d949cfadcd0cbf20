namespace Eas.Wire.Commands.Provision;

/// <summary>The server's status of a Policy in a Provision response (MS-ASPROV 2.2.2.54.1).</summary>
public enum PolicyStatus
{
    /// <summary>Success; the client applies the policy and acknowledges it with the temporary PolicyKey.</summary>
    Success = 1,

    /// <summary>There is no policy for this client; the client goes on without one.</summary>
    NoPolicy = 2,

    /// <summary>The PolicyType is unknown; the client retries with the type for its version.</summary>
    UnknownPolicyType = 3,

    /// <summary>The server's policy data is corrupt; the client stops and tells the user.</summary>
    PolicyDataCorrupt = 4,

    /// <summary>The client acknowledged a policy key other than the one it was given; the client starts provisioning over.</summary>
    WrongPolicyKey = 5,
}
