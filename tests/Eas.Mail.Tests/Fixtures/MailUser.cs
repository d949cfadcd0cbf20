using System.Globalization;
using Eas.Mail.Imap;
using Eas.Mail.LocalDovecot;

namespace Eas.Mail.Tests.Fixtures;

/// <summary>
/// A Dovecot user of its own for one test (xunit builds a new test class per test), so that no test sees
/// another's mailboxes or messages.
/// </summary>
internal sealed class MailUser
{
    public const string Password = "Mailbox-Pass3";

    private static int _counter;
    private readonly DovecotInstance _dovecot;

    private MailUser(DovecotInstance dovecot, string name)
    {
        _dovecot = dovecot;
        Name = name;
    }

    public string Name { get; }

    public static MailUser Create(DovecotInstance dovecot, string prefix)
    {
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{prefix}{Interlocked.Increment(ref _counter)}-{Environment.ProcessId}");
        dovecot.AddUser(name, Password);
        return new MailUser(dovecot, name);
    }

    /// <summary>A connected, logged-in client (plain TCP on loopback unless told otherwise).</summary>
    public async Task<ImapClient> LoginAsync(ImapSecurity security = ImapSecurity.None, ImapClientOptions? options = null)
    {
        var client = new ImapClient(_dovecot.Endpoint(security), options);
        try
        {
            await client.ConnectAsync();
            await client.LoginAsync(Name, Password);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops a message into the INBOX; Dovecot sees it at the next SELECT or NOOP.</summary>
    public Task DeliverAsync(string message, bool seen = false) => _dovecot.DeliverAsync(Name, message, seen);

    public Task DeliverAsync(byte[] message, bool seen = false) => _dovecot.DeliverAsync(Name, message, seen);
}
