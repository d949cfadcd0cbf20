namespace Eas.Wire.Http;

/// <summary>Which of the two query value forms a request used (MS-ASHTTP 2.2.1.1.1).</summary>
public enum EasQueryEncoding
{
    /// <summary><c>Cmd=Sync&amp;User=…&amp;DeviceId=…&amp;DeviceType=…</c> (MS-ASHTTP 2.2.1.1.1.2).</summary>
    Plain,

    /// <summary>One base64 token carrying a byte sequence (MS-ASHTTP 2.2.1.1.1.1); 12.1 and later only.</summary>
    Base64,
}
