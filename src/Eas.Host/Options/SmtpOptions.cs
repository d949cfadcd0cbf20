using Eas.Actors.Sending;

namespace Eas.Host.Options;

/// <summary>
/// The provider's SMTP submission server (<c>Eas:Smtp</c>), where SendMail, SmartReply and SmartForward submit
/// as the signed-in user. With no <see cref="Host"/> the server offers none of the three commands.
/// </summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    /// <summary>587 for submission with STARTTLS, 465 for implicit TLS.</summary>
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls or Tls.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Accept any server certificate. Only for a development server with a self-signed certificate: honoured only when the server is on a loopback address.</summary>
    public bool AcceptAnyCertificate { get; set; }

    /// <summary>Seconds to wait for a connection or a reply before answering the phone "retry later".</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds the server may take to accept a message's data (a content filter can be slow); phones wait this long too.</summary>
    public int DataTimeoutSeconds { get; set; } = 300;

    public bool Enabled => Host.Length > 0;
}
