namespace Eas.Actors.Devices;

/// <summary>Whether a request's policy key lets it through (MS-ASPROV 3.2.5.1, MS-ASCMD 2.2.2).</summary>
public enum PolicyVerdict
{
    /// <summary>The key is the one this device acknowledged, for the policy in force.</summary>
    Allowed,

    /// <summary>The device sent no key (or 0) and must provision: HTTP 449 up to 12.1, status 142 from 14.0.</summary>
    NotProvisioned,

    /// <summary>
    /// The device was provisioned, now sends no key, and the policy does not allow devices that cannot be
    /// provisioned (MS-ASPROV 3.1.5.2): HTTP 449 up to 12.1, status 141 from 14.0.
    /// </summary>
    NotProvisionable,

    /// <summary>The key is not the current one, or the policy changed since: HTTP 449 up to 12.1, status 144 from 14.0.</summary>
    InvalidPolicyKey,

    /// <summary>
    /// An admin ordered a wipe the phone has not acknowledged (MS-ASPROV 3.2.5.1.2): HTTP 449 up to 12.1, status 140
    /// (RemoteWipeRequested, MS-ASCMD 2.2.2) from 14.0; the phone then provisions and gets the directive.
    /// </summary>
    RemoteWipeRequested,
}
