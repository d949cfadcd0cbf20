namespace Eas.Host.Options;

/// <summary>Device provisioning (MS-ASPROV): whether phones must accept a policy, and which.</summary>
public sealed class ProvisioningOptions
{
    /// <summary>
    /// When true (the default), a phone must complete the two-phase Provision handshake and send the policy
    /// key it got with every command; otherwise it is told to provision (HTTP 449 up to 12.1, status 142 or
    /// 144 from 14.0, MS-ASPROV 3.2.5.1).
    /// </summary>
    public bool Required { get; set; } = true;

    /// <summary>
    /// Accept phones that acknowledge the policy with "partially applied" or "not applied". When false, a phone that
    /// was provisioned and then sends a command without a policy key is refused as not provisionable (status 141 from
    /// 14.0, HTTP 449 before; MS-ASPROV 3.1.5.2).
    /// </summary>
    public bool AllowNonProvisionableDevices { get; set; } = true;

    /// <summary>
    /// EASProvisionDoc settings by their MS-ASPROV element name (2.2.2.x), e.g. <c>DevicePasswordEnabled</c>
    /// = <c>1</c>, <c>MinDevicePasswordLength</c> = <c>6</c>. Unset elements are left out of the policy, which
    /// phones read as "no requirement".
    /// </summary>
    public Dictionary<string, string> Policy { get; set; } = new(StringComparer.Ordinal);
}
