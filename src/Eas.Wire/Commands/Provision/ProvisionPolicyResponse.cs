using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Provision;

/// <summary>
/// The Policy of a Provision response (MS-ASPROV 2.2.2.41): type, status, the (temporary or final)
/// PolicyKey, and for the initial request the policy itself in Data.
/// </summary>
/// <param name="PolicyType">The policy type, echoed from the request.</param>
/// <param name="Status">The policy's status.</param>
public sealed record ProvisionPolicyResponse(string PolicyType, PolicyStatus Status)
{
    /// <summary>The policy key (2.2.2.42); written when not null.</summary>
    public uint? PolicyKey { get; init; }

    /// <summary>The EASProvisionDoc element for 12.0+ clients, written as given inside Data (2.2.2.28).</summary>
    public WbxmlElement? ProvisionDoc { get; init; }

    /// <summary>The XML provisioning document for 2.5 clients, written as the text of Data (2.2.2.24.2).</summary>
    public string? WapProvisioningDoc { get; init; }
}
