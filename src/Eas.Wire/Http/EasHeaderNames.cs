namespace Eas.Wire.Http;

/// <summary>The request headers the request-line parser reads (MS-ASHTTP 2.2.1.1.2).</summary>
public static class EasHeaderNames
{
    /// <summary>
    /// The protocol version of the request, e.g. <c>14.1</c>; required with the plain query value, not
    /// used with the base64 form, whose Protocol version field replaces it (MS-ASHTTP 2.2.1.1.2.6).
    /// </summary>
    public const string ProtocolVersion = "MS-ASProtocolVersion";

    /// <summary>
    /// The client's current policy key, a decimal uint32; absent before the first Provision
    /// (MS-ASHTTP 2.2.1.1.2.8, MS-ASPROV 2.2.2.42).
    /// </summary>
    public const string PolicyKey = "X-MS-PolicyKey";

    /// <summary><c>T</c> asks for a multipart ItemOperations response, <c>F</c> or absent for inline (MS-ASHTTP 2.2.1.1.2.5).</summary>
    public const string AcceptMultiPart = "MS-ASAcceptMultiPart";

    /// <summary>The client's description of itself, kept for logs and device records (MS-ASHTTP 2.2.1.1.2).</summary>
    public const string UserAgent = "User-Agent";
}
