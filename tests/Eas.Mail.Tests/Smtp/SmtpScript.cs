using Eas.Mail.Smtp;
using static Eas.Mail.Tests.Smtp.ScriptedSmtpServer;

namespace Eas.Mail.Tests.Smtp;

/// <summary>Pieces of scripted conversations that many tests share.</summary>
internal static class SmtpScript
{
    /// <summary>Short timeouts, so that a client waiting for a reply the script never sends fails fast.</summary>
    public static SmtpClientOptions Quick { get; } = new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(2),
        DataTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>The greeting, the client's EHLO (with its default address literal) and a multi-line 250 listing <paramref name="extensions"/>.</summary>
    public static Step[] Hello(params string[] extensions) =>
        [Send("220 scripted.test ESMTP ready"), Expect("EHLO [127.0.0.1]"), Ehlo(extensions)];

    /// <summary>A 250 reply to EHLO: the greeting line, then one line per extension.</summary>
    public static Step Ehlo(params string[] extensions) =>
        Send([.. new[] { "scripted.test greets [127.0.0.1]" }.Concat(extensions).Select((line, i) => (i == extensions.Length ? "250 " : "250-") + line)]);

    public static SmtpEndpoint EndpointOf(ScriptedSmtpServer server, SmtpSecurity security = SmtpSecurity.None) =>
        new("127.0.0.1", server.Port, security) { AcceptAnyCertificate = true };

    public static Task<SmtpClient> ConnectAsync(ScriptedSmtpServer server, SmtpClientOptions? options = null) =>
        SmtpClient.ConnectAsync(EndpointOf(server), options ?? Quick);

    public static MemoryStream Message(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    public static SmtpEnvelope Envelope(params string[] recipients) => new("alice@example.com", recipients);
}
