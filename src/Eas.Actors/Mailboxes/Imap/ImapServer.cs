namespace Eas.Actors.Mailboxes.Imap;

/// <summary>How the connection to the IMAP server is protected.</summary>
public enum ImapSecurity
{
    /// <summary>Plain TCP. Credentials cross the network in the clear; for loopback only.</summary>
    None,

    /// <summary>Plain TCP upgraded with STARTTLS before login (RFC 3501 6.2.1); usually port 143.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, RFC 8314 3.3); usually port 993.</summary>
    Tls,
}

/// <summary>
/// Where the provider's IMAP server is and how to reach it. Certificates are checked against the system's trust
/// store and <see cref="Host"/> unless <see cref="AcceptAnyCertificate"/> is set, which is honoured only when
/// <see cref="Host"/> resolves to loopback addresses alone (development against a self-signed certificate).
/// </summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Security">Plain, STARTTLS or implicit TLS.</param>
public sealed record ImapServer(string Host, int Port, ImapSecurity Security)
{
    /// <summary>Trust any certificate; refused at connect time unless the server is on a loopback address.</summary>
    public bool AcceptAnyCertificate { get; init; }

    /// <summary>How long connecting, and each read or write of a command, may take before the store counts as unavailable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a read or write may take once a command session is signed in (a SELECT of a large folder); <see cref="Timeout"/> when null.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>The node's pacing of sign-ins (<see cref="ImapLoginGate"/>), shared by every session kind; none when null.</summary>
    public ImapLoginGate? LoginGate { get; init; }

    /// <summary>Where each connection's protocol is written (MailKit's <c>IProtocolLogger</c>), for diagnostics and tests; nowhere when null.</summary>
    public Func<MailKit.IProtocolLogger>? ProtocolLog { get; init; }
}
