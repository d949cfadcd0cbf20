namespace Eas.Host.Options;

/// <summary>
/// The request trace (<c>Eas:Diagnostics</c>): for the accounts and devices named here every request is logged
/// with its decoded body and its response, passwords and content redacted (see
/// <see cref="Diagnostics.Tracing.TraceRedactor"/>). Admins change the lists at runtime with
/// <c>PUT /admin/api/diagnostics</c>; that change lives in memory until the next start.
/// </summary>
public sealed class DiagnosticsOptions
{
    /// <summary>Accounts to trace, named as phones sign in (<c>mike</c>, <c>ox.io\mike</c>, <c>mike@ox.io</c>).</summary>
    public List<string> TraceUsers { get; set; } = [];

    /// <summary>DeviceIds to trace, whichever account they sign in with; compared without case.</summary>
    public List<string> TraceDevices { get; set; } = [];
}
