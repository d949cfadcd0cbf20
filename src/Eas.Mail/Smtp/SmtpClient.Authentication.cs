using System.Text;

namespace Eas.Mail.Smtp;

/// <summary>AUTH (RFC 4954) with the user's own credentials.</summary>
public sealed partial class SmtpClient
{
    /// <summary>
    /// AUTH with PLAIN (RFC 4616, the credentials as the initial response on the AUTH line) or LOGIN (user name
    /// and password each answering a 334 challenge). Without <paramref name="mechanism"/> the client picks PLAIN
    /// where offered, else LOGIN. Allowed once per session (RFC 4954 section 4). A 334 challenge after the
    /// credentials are sent is cancelled with <c>*</c>, which the server answers with 501. The lines that carried
    /// the credentials are zeroed in the client's buffer once sent.
    /// </summary>
    /// <exception cref="SmtpCommandException">
    /// Refused: <see cref="SmtpFailureKind.AuthenticationFailed"/> for wrong credentials (535 5.7.8),
    /// <see cref="SmtpFailureKind.Transient"/> when the server cannot check them now (454 4.7.0).
    /// </exception>
    /// <exception cref="InvalidOperationException">Already authenticated, or the server offers neither mechanism.</exception>
    public Task AuthenticateAsync(
        string userName, string password, SmtpAuthMechanism? mechanism = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        return RunAsync("AUTH", _options.CommandTimeout, async token =>
        {
            if (IsAuthenticated) throw new InvalidOperationException("This SMTP session is already authenticated (RFC 4954 section 4).");
            var chosen = mechanism ?? (Capabilities.AuthMechanisms.Contains("PLAIN") ? SmtpAuthMechanism.Plain : SmtpAuthMechanism.Login);
            var name = chosen == SmtpAuthMechanism.Plain ? "PLAIN" : "LOGIN";
            if (!Capabilities.AuthMechanisms.Contains(name))
                throw new InvalidOperationException($"The SMTP server {Address} does not offer AUTH {name} (it offers: {string.Join(' ', Capabilities.AuthMechanisms)}).");

            var reply = chosen == SmtpAuthMechanism.Plain
                ? await CommandAsync("AUTH PLAIN " + SaslPlain.Encode(null, userName, password), token).ConfigureAwait(false)
                : await LoginAsync(userName, password, token).ConfigureAwait(false);
            if (reply.IsPositiveIntermediate) reply = await CommandAsync("*", token).ConfigureAwait(false);
            if (reply.Code != 235) throw Refused("AUTH", reply);
            IsAuthenticated = true;
        }, cancellationToken);
    }

    private async Task<SmtpReply> LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var reply = await CommandAsync("AUTH LOGIN", cancellationToken).ConfigureAwait(false);
        if (reply.Code != 334) return reply;
        reply = await CommandAsync(Base64(userName), cancellationToken).ConfigureAwait(false);
        if (reply.Code != 334) return reply;
        return await CommandAsync(Base64(password), cancellationToken).ConfigureAwait(false);
    }

    private static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
