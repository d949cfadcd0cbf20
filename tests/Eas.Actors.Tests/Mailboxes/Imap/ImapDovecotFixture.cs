using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap;
using Eas.Mail.LocalDovecot;
using MailKit.Net.Imap;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>
/// A private Dovecot on free loopback ports for the MailKit adapters (with METADATA, RFC 5464, for the PIM folders' marks), and a second one that announces no NOTIFY
/// (its <c>imap_capability</c> replaced), for the watcher's IDLE-and-poll mode. Each test takes a fresh account, so
/// the test classes can share the instances.
/// </summary>
public sealed class ImapDovecotFixture : IAsyncLifetime
{
    public const string Password = "Adapter-Pass1";

    /// <summary>Dovecot 2.3's usual extensions after login, without NOTIFY (leaving some out does no harm: a client only uses what is announced).</summary>
    private const string CapabilitiesWithoutNotify =
        "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT " +
        "MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH " +
        "ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE LITERAL+";

    private readonly List<string> _directories = [];
    private int _users;

    public DovecotInstance Dovecot { get; private set; } = null!;

    public DovecotInstance DovecotWithoutNotify { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dovecot = await StartAsync(null, metadata: true);
        DovecotWithoutNotify = await StartAsync(CapabilitiesWithoutNotify);
    }

    public async Task DisposeAsync()
    {
        if (Dovecot is not null) await Dovecot.DisposeAsync();
        if (DovecotWithoutNotify is not null) await DovecotWithoutNotify.DisposeAsync();
        foreach (var directory in _directories) Directory.Delete(directory, recursive: true);
    }

    /// <summary>A new account on both instances.</summary>
    public MailCredentials NewAccount()
    {
        var login = $"adapter{Interlocked.Increment(ref _users)}";
        Dovecot.AddUser(login, Password);
        DovecotWithoutNotify.AddUser(login, Password);
        return new MailCredentials(login, Password);
    }

    public static ImapServer ServerOf(DovecotInstance dovecot) => new("127.0.0.1", dovecot.ImapPort, ImapSecurity.None) { Timeout = TimeSpan.FromSeconds(10) };

    public Task<IMailSession> OpenSessionAsync(MailCredentials account) =>
        new ImapMailSessionFactory(ServerOf(Dovecot)).OpenAsync(account, CancellationToken.None);

    /// <summary>A plain MailKit client, signed in, for changing the mailbox behind the adapter's back.</summary>
    public static async Task<ImapClient> OtherClientAsync(DovecotInstance dovecot, MailCredentials account)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", dovecot.ImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(account.Login, account.Password);
        return client;
    }

    public static string Message(string subject, string body = "Hello") =>
        $"From: Ann <ann@example.com>\r\nTo: bob@example.com\r\nSubject: {subject}\r\nMessage-ID: <{subject.Replace(' ', '-')}@example.com>\r\n" +
        $"Date: Sun, 1 Nov 2026 10:00:00 +0000\r\n\r\n{body}\r\n";

    private async Task<DovecotInstance> StartAsync(string? capability, bool metadata = false)
    {
        var directory = Directory.CreateTempSubdirectory("eas-imap-adapter-").FullName;
        _directories.Add(directory);
        return await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = directory, ImapCapability = capability, EnableMetadata = metadata });
    }
}

[CollectionDefinition(Name)]
public sealed class ImapDovecotCollection : ICollectionFixture<ImapDovecotFixture>
{
    public const string Name = "MailKit adapters against Dovecot";
}
