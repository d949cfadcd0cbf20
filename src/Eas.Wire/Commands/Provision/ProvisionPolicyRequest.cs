namespace Eas.Wire.Commands.Provision;

/// <summary>
/// The Policy of a Provision request (MS-ASPROV 2.2.2.41): the type alone asks for the policy; with the
/// temporary PolicyKey and a Status it acknowledges it (3.1.5.1).
/// </summary>
/// <param name="PolicyType">The policy format asked for (2.2.2.43; <see cref="ProvisionVersionRules.PolicyTypeFor"/>).</param>
public sealed record ProvisionPolicyRequest(string PolicyType)
{
    /// <summary>The policy key being acknowledged (2.2.2.42); null in the initial request.</summary>
    public uint? PolicyKey { get; init; }

    /// <summary>How far the client applied the policy; null in the initial request.</summary>
    public PolicyAcknowledgement? Status { get; init; }

    /// <summary>Whether this is an acknowledgement rather than the initial request.</summary>
    public bool IsAcknowledgement => PolicyKey is not null;
}
