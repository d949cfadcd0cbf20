using System.Net;

namespace Eas.Load.Abuse;

/// <summary>
/// The server the abuse scenarios run against: its root URL (checked to be loopback), the address it resolved to
/// (for the raw connections of the hung-up bodies), and one real account whose devices misbehave and whose
/// fresh sign-ins are the control. <paramref name="DovecotLog"/> is set when the tool started Dovecot itself, so
/// the IMAP logins a storm caused can be counted there.
/// </summary>
internal sealed record AbuseTarget(Uri BaseUrl, IPAddress Address, string User, string Password, string Domain, string? DovecotLog)
{
    public Uri Endpoint => new(BaseUrl, "/Microsoft-Server-ActiveSync");
}

/// <summary>One row of the abuse report: what was sent, what came back, how long it took, and the figures that matter.</summary>
internal sealed record AbuseResult(string Scenario, string Sent, string Answers, string Time, string Figures);
