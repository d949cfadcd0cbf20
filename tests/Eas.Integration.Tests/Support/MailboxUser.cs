using System.Globalization;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Eas.Integration.Tests.Support;

/// <summary>A fresh Dovecot account for one test, and an IMAP client of its own to play "another mail client".</summary>
internal sealed class MailboxUser
{
    private MailboxUser(DovecotFixture dovecot, string address, string password)
    {
        Dovecot = dovecot;
        Address = address;
        Password = password;
    }

    public DovecotFixture Dovecot { get; }

    public string Address { get; }

    public string Password { get; }

    public static MailboxUser Create(DovecotFixture dovecot, string prefix)
    {
        var address = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}@{DovecotFixture.Domain}";
        var user = new MailboxUser(dovecot, address, "Pw-" + Guid.NewGuid().ToString("N")[..10]);
        dovecot.Dovecot.AddUser(address, user.Password);
        return user;
    }

    /// <summary>Drops a plain-text message into INBOX; <paramref name="index"/> makes subject and date distinct and increasing.</summary>
    public Task DeliverAsync(int index, string? body = null, bool seen = false)
    {
        var date = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(index);
        var message =
            $"From: Sender {index} <sender{index}@example.com>\r\nTo: {Address}\r\nSubject: Message {index}\r\n" +
            $"Date: {date.ToString("R", CultureInfo.InvariantCulture)}\r\nMessage-ID: <m{index}.{Guid.NewGuid():N}@example.com>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + (body ?? $"Body of message {index}.\r\n");
        return Dovecot.Dovecot.DeliverAsync(Address, message, seen);
    }

    public Task DeliverRawAsync(string message) => Dovecot.Dovecot.DeliverAsync(Address, message);

    /// <summary>Drops a message given as its bytes into INBOX, as they are: 8-bit bytes in any charset stay what they were.</summary>
    public Task DeliverRawAsync(byte[] message) => Dovecot.Dovecot.DeliverAsync(Address, message);

    /// <summary>An IMAP session (MailKit) as another client of the same account.</summary>
    public async Task<ImapClient> ConnectImapAsync()
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", Dovecot.Dovecot.ImapPort, SecureSocketOptions.None);
            await client.AuthenticateAsync(Address, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The newest INBOX message as the store holds it (BODY[] through another IMAP client), delivery headers included.</summary>
    public async Task<byte[]> StoredNewestMessageAsync()
    {
        using var client = await ConnectImapAsync();
        await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly);
        var uid = (await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.All)).Last();
        await using var stream = await client.Inbox.GetStreamAsync(uid);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        await client.DisconnectAsync(quit: true);
        return copy.ToArray();
    }
}
