using Eas.Host.Endpoints;

namespace Eas.Host.Diagnostics.Tracing;

/// <summary>What the trace keeps of one traced request until it is answered: the request body and a copy of the response.</summary>
internal sealed class RequestTrace(TraceCaptureStream response)
{
    /// <summary>The request body as read; null when the request was answered before its body was read.</summary>
    public byte[]? RequestBody { get; set; }

    public string DescribeRequest() => RequestBody is null ? "(body not read)" : TraceRedactor.Describe(RequestBody);

    /// <summary>WBXML responses decoded and redacted; raw streams (attachments, multipart ItemOperations) by length only.</summary>
    public string DescribeResponse(string? contentType)
    {
        if (response.Written == 0) return "(empty)";
        if (contentType != ActiveSyncHeaders.WbxmlContentType) return TraceRedactor.Measure(response.Written, contentType ?? "no content type");
        return response.Captured is { } captured ? TraceRedactor.Describe(captured) : TraceRedactor.Measure(response.Written, "too large to decode");
    }
}
