namespace Eas.Load.Eas;

/// <summary>Who a simulated phone is: its sign-in, its DeviceId and DeviceType (MS-ASHTTP 2.2.1.1.1.1.3), and the protocol version it speaks.</summary>
internal sealed record EasDevice(string User, string Password, string DeviceId, string DeviceType, string Version)
{
    /// <summary>12.1 and older phones name the class in each Sync collection (MS-ASCMD 2.2.3.27.6).</summary>
    public bool SendsClass => Version is "2.5" or "12.0" or "12.1";

    /// <summary>14.1+ phones send their DeviceInformation with the first Provision (MS-ASPROV 2.2.2.52).</summary>
    public bool SendsDeviceInformation => Version is "14.1" or "16.0" or "16.1";

    /// <summary>2.5 has no AirSyncBase body preferences; it asks truncation by code (MS-ASCMD 2.2.3.178).</summary>
    public bool UsesTruncationCodes => Version == "2.5";

    /// <summary>The policy format: WAP provisioning XML for 2.5, the EAS provisioning document after (MS-ASPROV 2.2.2.43).</summary>
    public string PolicyType => Version == "2.5" ? "MS-WAP-Provisioning-XML" : "MS-EAS-Provisioning-WBXML";
}
