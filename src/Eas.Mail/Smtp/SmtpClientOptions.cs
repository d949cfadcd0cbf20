namespace Eas.Mail.Smtp;

/// <summary>Timeouts and policies of an <see cref="SmtpClient"/>.</summary>
public sealed record SmtpClientOptions
{
    /// <summary>The options used when none are given.</summary>
    public static SmtpClientOptions Default { get; } = new();

    /// <summary>Time allowed for TCP connect, TLS, greeting, EHLO and STARTTLS; 15 s by default.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Time allowed for one command's reply (for pipelined commands, for each group of them); 60 s by default.
    /// RFC 5321 section 4.5.3.2 lets servers take up to 5 minutes; submission servers answer in milliseconds.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Time allowed for sending the message after DATA and for the server's final reply; 10 minutes by default,
    /// the time RFC 5321 section 4.5.3.2.6 gives a server to answer the final dot.
    /// </summary>
    public TimeSpan DataTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The domain sent with EHLO and HELO (RFC 5321 section 4.1.1.1). When null the client sends the address
    /// literal of its end of the connection, e.g. <c>[127.0.0.1]</c> or <c>[IPv6:::1]</c> (section 4.1.3).
    /// </summary>
    public string? ClientName { get; init; }

    /// <summary>
    /// What <see cref="SmtpClient.SendAsync"/> does when the server refuses some recipients but accepts others.
    /// <see langword="false"/> (the default): it sends to the accepted ones and returns the refused ones in
    /// <see cref="SmtpSendResult.RefusedRecipients"/> for the caller to report. <see langword="true"/>: it
    /// abandons the transaction with RSET before DATA and throws <see cref="SmtpCommandException"/>, so the
    /// message goes to everyone or no one. A send where every recipient is refused always throws.
    /// </summary>
    public bool RequireAllRecipients { get; init; }
}
