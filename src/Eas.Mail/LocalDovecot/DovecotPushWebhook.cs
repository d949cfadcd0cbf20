namespace Eas.Mail.LocalDovecot;

/// <summary>
/// Dovecot's push_notification plugin with the Lua driver of config/dovecot/eas-push.lua: after every committed mail
/// transaction each IMAP or LMTP process posts the changed mailboxes to <paramref name="Url"/> with
/// <paramref name="Secret"/> in <c>X-Eas-Push-Secret</c>, waiting at most <see cref="Timeout"/> for the answer.
/// Needs Dovecot 2.3.19+ with Lua (Debian's dovecot-core ships the plugins).
/// </summary>
public sealed record DovecotPushWebhook(Uri Url, string Secret)
{
    /// <summary>How long a Dovecot process waits for the webhook before it goes on without it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The driver script, as shipped in config/dovecot/ (embedded in this assembly).</summary>
    public static string Script()
    {
        using var stream = typeof(DovecotPushWebhook).Assembly.GetManifestResourceStream("Eas.Mail.LocalDovecot.eas-push.lua")
            ?? throw new InvalidOperationException("eas-push.lua is not embedded in Eas.Mail.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
