namespace Eas.Actors.Devices;

/// <summary>The result of a phone's policy acknowledgement (MS-ASPROV 3.2.5.1.2).</summary>
public enum AcknowledgeOutcome
{
    /// <summary>The final policy key is issued (or re-issued, for a resent acknowledgement).</summary>
    Acknowledged,

    /// <summary>The key acknowledged is not the temporary key this device was given: Policy status 5.</summary>
    PolicyKeyMismatch,

    /// <summary>The phone could not fully apply the policy and such phones are not allowed: Provision status 139.</summary>
    NotFullyProvisionable,

    /// <summary>The phone is managed elsewhere and such phones are not allowed: Provision status 145.</summary>
    ExternallyManaged,
}
