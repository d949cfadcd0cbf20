using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Eas.Mail.LocalDovecot;
using Eas.Mail.LocalPostfix;

namespace Eas.Mail.Tests.Fixtures;

/// <summary>
/// A private Dovecot (with LMTP and the auth listener) and a private Postfix in front of it, for every test in
/// the <see cref="PostfixCollection"/>. Users: <c>alice</c> and <c>carol</c> are Dovecot users named without a
/// domain, reached as alice@example.com and carol@example.com; <c>erin@example.org</c> is named by her address.
/// Without Postfix or Dovecot the fixture fails (it does not skip): CI installs them.
/// </summary>
public sealed class PostfixFixture : IAsyncLifetime
{
    public const string Alice = "alice";
    public const string AliceAddress = "alice@example.com";
    public const string AlicePassword = "Alice-Pass1";

    public const string Carol = "carol";
    public const string CarolAddress = "carol@example.com";
    public const string CarolPassword = "Carol-Pass2";

    /// <summary>A Dovecot user named by a whole address, with a password IMAP cannot quote.</summary>
    public const string Erin = "erin@example.org";
    public const string ErinPassword = "é:rin \"pass\"";

    /// <summary>Postfix's message_size_limit here: 1 MiB.</summary>
    public const long MessageSizeLimit = 1024 * 1024;

    private readonly List<string> _directories = [];

    public DovecotInstance Dovecot { get; private set; } = null!;

    public PostfixInstance Postfix { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dovecot = await DovecotInstance.StartAsync(new DovecotOptions
        {
            DataDirectory = NewDirectory("eas-dovecot-"),
            EnableLmtp = true,
            EnableAuthListener = true,
        });
        Dovecot.AddUser(Alice, AlicePassword);
        Dovecot.AddUser(Carol, CarolPassword);
        Dovecot.AddUser(Erin, ErinPassword);
        Postfix = await PostfixInstance.StartAsync(PostfixOptions.For(Dovecot, NewDirectory("eas-postfix-")) with
        {
            MessageSizeLimit = MessageSizeLimit,
            Mailboxes = new Dictionary<string, string> { [AliceAddress] = Alice, [CarolAddress] = Carol, [Erin] = Erin },
        });
    }

    /// <summary>A fresh directory for an instance of a test's own.</summary>
    public string NewDirectory(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        lock (_directories) _directories.Add(directory);
        return directory;
    }

    /// <summary>
    /// Waits (up to 15 s: Postfix queues, then delivers over LMTP) until the user's INBOX holds a message with
    /// <paramref name="subject"/>; returns a logged-in MailKit client with INBOX open and the message's UID.
    /// </summary>
    public async Task<(ImapClient Client, UniqueId Uid)> WaitForMessageAsync(string user, string password, string subject)
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", Dovecot.ImapPort, MailKit.Security.SecureSocketOptions.None);
            await client.AuthenticateAsync(user, password);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
                if ((await client.Inbox.SearchAsync(SearchQuery.SubjectContains(subject))).FirstOrDefault() is { IsValid: true } found) return (client, found);
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"No message \"{subject}\" reached {user}'s INBOX; Postfix log:\n{File.ReadAllText(Postfix.LogPath)}");
                await Task.Delay(100);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Postfix is not null) await Postfix.DisposeAsync();
        }
        finally
        {
            if (Dovecot is not null) await Dovecot.DisposeAsync();
            foreach (var directory in _directories) Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>Tests that use the one Postfix; they run one after another, since some stop and restart it.</summary>
[CollectionDefinition(Name)]
public sealed class PostfixCollection : ICollectionFixture<PostfixFixture>
{
    public const string Name = "Postfix";
}
