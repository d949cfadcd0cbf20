namespace Eas.Host.Diagnostics.Logging;

/// <summary>
/// What the request log line says about one ActiveSync request beyond what HTTP knows. The endpoint fills it in as
/// the request goes and hands it to <see cref="RequestLogging"/> once the response is done. Never a password or a body.
/// </summary>
internal sealed class RequestLogEntry
{
    /// <summary>The command's wire name; <c>unknown</c> until the request line has been read (after sign-in).</summary>
    public string Command { get; set; } = "unknown";

    /// <summary>The account as it signed in, <c>-</c> before sign-in.</summary>
    public string User { get; set; } = "-";

    public string DeviceId { get; set; } = "-";

    public string Version { get; set; } = "-";

    public long RequestBytes { get; set; }

    public long ResponseBytes { get; set; }

    /// <summary>
    /// Why the answer is what it is when the status alone does not say: the budget a throttled device was over, a
    /// client that hung up (499), a body over the limit (413). Null for the ordinary case.
    /// </summary>
    public string? Reason { get; set; }
}
