namespace Eas.Host.Options;

/// <summary>Bounds on a single ActiveSync request.</summary>
public sealed class RequestOptions
{
    /// <summary>Largest request body accepted, in bytes (a SendMail with attachments is the largest).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Seconds a command may take inside the server before the phone gets a retriable 503.</summary>
    public int CommandDeadlineSeconds { get; set; } = 60;
}
