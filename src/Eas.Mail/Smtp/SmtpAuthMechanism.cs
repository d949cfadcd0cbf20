namespace Eas.Mail.Smtp;

/// <summary>The SASL mechanisms <see cref="SmtpClient.AuthenticateAsync"/> speaks (RFC 4954).</summary>
public enum SmtpAuthMechanism
{
    /// <summary>PLAIN (RFC 4616), sent as the initial response on the AUTH line (RFC 4954 section 4).</summary>
    Plain,

    /// <summary>
    /// LOGIN (draft-murchison-sasl-login): the user name and the password each answer a 334 challenge. Not a
    /// standard, but the only mechanism some servers and older clients share.
    /// </summary>
    Login,
}
