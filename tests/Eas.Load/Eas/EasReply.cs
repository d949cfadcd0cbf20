using System.Net;
using Eas.Wire.Wbxml;

namespace Eas.Load.Eas;

/// <summary>
/// A server's answer to one EAS command: HTTP status, the decoded WBXML body if there was one, its size, how long the
/// round trip took, the X-MS-ASThrottle header of a throttled answer (MS-ASHTTP 2.2.2.1.2.13), and whether the answer
/// was the server's refusal over its connection cap.
/// </summary>
internal sealed record EasReply(HttpStatusCode Status, WbxmlElement? Body, int Bytes, TimeSpan Elapsed, string? Throttle = null, bool OverCap = false)
{
    public bool IsOk => Status == HttpStatusCode.OK;

    /// <summary>
    /// The server refused the connection over its connection cap: 503 with Retry-After and Connection: close
    /// (MS-ASHTTP 3.1.5.2.3; the server's docs/ARCHITECTURE.md, Node limits). Other 503s (a sign-in that waited too
    /// long for its turn) keep the connection and are transient.
    /// </summary>
    public static bool IsOverCap(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null && response.Headers.ConnectionClose == true;

    /// <summary>
    /// Worth sending again unchanged: the server said it could not do it now (503 and other 5xx) or it timed
    /// out. The server keeps its state until the answer leaves, so a retry with the same key is safe
    /// (MS-ASCMD 3.1.5.9: a resent key is answered from the state it names, under a new key).
    /// </summary>
    public bool IsTransient => (int)Status >= 500 || Status == HttpStatusCode.RequestTimeout;
}
