namespace Eas.Wire.Autodiscover;

/// <summary>The XML namespaces of the mobilesync Autodiscover exchange (MS-ASCMD 2.2.1.1, 6.2, 6.3, 6.4).</summary>
public static class AutodiscoverSchemas
{
    /// <summary>The request's namespace (MS-ASCMD 6.3).</summary>
    public const string Request = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";

    /// <summary>The outer Autodiscover element of the response (MS-ASCMD 6.4).</summary>
    public const string Response = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";

    /// <summary>The mobilesync Response (MS-ASCMD 6.2); also the only value AcceptableResponseSchema may have (MS-ASCMD 2.2.3.1).</summary>
    public const string MobileSyncResponse = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";

    /// <summary>The Server Type of the ActiveSync endpoint (MS-ASCMD 2.2.3.186.1).</summary>
    public const string MobileSyncType = "MobileSync";
}

/// <summary>Autodiscover's ErrorCode values (MS-ASCMD 2.2.3.64).</summary>
public enum AutodiscoverErrorCode
{
    /// <summary>The request was not a valid Autodiscover request (also: more than one Request element, MS-ASCMD 2.2.3.150.1).</summary>
    InvalidRequest = 600,

    /// <summary>No provider handles the AcceptableResponseSchema that was asked for.</summary>
    ProviderNotFound = 601,
}
