using Eas.Actors.Mailboxes;

namespace Eas.Host.Options;

/// <summary>How accounts hear of mail changes while phones wait (<c>Eas:Push</c>).</summary>
public sealed class PushOptions
{
    /// <summary>
    /// <see cref="PushMode.Imap"/> (the default, for any IMAP server): a watcher session per watched account;
    /// <see cref="PushMode.Webhook"/>: Dovecot posts its changes to <c>POST /push/dovecot</c> (config/dovecot/) and no
    /// watcher session is opened.
    /// </summary>
    public PushMode Mode { get; set; } = PushMode.Imap;

    /// <summary>In webhook mode, how often the watched folders are re-stamped so a lost post only delays a push.</summary>
    public int SafetyNetSeconds { get; set; } = 300;

    public PushWebhookOptions Webhook { get; set; } = new();
}

/// <summary>Who may post to the webhook (<c>Eas:Push:Webhook</c>).</summary>
public sealed class PushWebhookOptions
{
    /// <summary>The shared secret the mail server sends in <c>X-Eas-Push-Secret</c>; empty switches the endpoint off (404).</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The networks (CIDR, <c>10.0.0.0/8</c>) posts may come from; empty means loopback only.</summary>
    public string[] AllowedSources { get; set; } = [];

    /// <summary>The largest body taken; a transaction's events are a few hundred bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
