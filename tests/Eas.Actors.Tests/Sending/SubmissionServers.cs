using System.Text;
using Eas.Mail.LocalDovecot;
using Eas.Mail.LocalPostfix;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace Eas.Actors.Tests.Sending;

/// <summary>
/// A private Dovecot (with LMTP and the auth listener) and a private Postfix in front of it, on free loopback ports,
/// for the submitter's tests. <c>alice</c> and <c>carol</c> are reached as alice@example.com and carol@example.com;
/// <c>erin@example.org</c> is a Dovecot user named by her address, with a password that needs care on the wire.
/// Postfix takes messages up to <see cref="MessageSizeLimit"/>. Without Postfix or Dovecot it fails (CI installs them).
/// </summary>
public sealed class SubmissionServers : IAsyncLifetime
{
    public const string Alice = "alice";
    public const string AliceAddress = "alice@example.com";
    public const string AlicePassword = "Alice-Pass1";
    public const string Carol = "carol";
    public const string CarolAddress = "carol@example.com";
    public const string CarolPassword = "Carol-Pass2";
    public const string Erin = "erin@example.org";
    public const string ErinPassword = "é:rin \"pass\"";

    /// <summary>Postfix's message_size_limit here: 1 MiB.</summary>
    public const long MessageSizeLimit = 1024 * 1024;

    private readonly List<string> _directories = [];

    public DovecotInstance Dovecot { get; private set; } = null!;

    public PostfixInstance Postfix { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = NewDirectory("eas-dovecot-"), EnableLmtp = true, EnableAuthListener = true });
        Dovecot.AddUser(Alice, AlicePassword);
        Dovecot.AddUser(Carol, CarolPassword);
        Dovecot.AddUser(Erin, ErinPassword);
        Postfix = await PostfixInstance.StartAsync(PostfixOptions.For(Dovecot, NewDirectory("eas-postfix-")) with
        {
            MessageSizeLimit = MessageSizeLimit,
            Mailboxes = new Dictionary<string, string> { [AliceAddress] = Alice, [CarolAddress] = Carol, [Erin] = Erin },
        });
    }

    /// <summary>
    /// The raw message with <paramref name="subject"/> in the user's INBOX, waiting up to 15 s (Postfix queues, then
    /// delivers over LMTP), and every subject the INBOX holds by then.
    /// </summary>
    public async Task<(string Raw, IReadOnlyList<string> Subjects)> WaitForAsync(string user, string password, string subject)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", Dovecot.ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(user, password);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var summaries = await imap.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.UniqueId);
            if (summaries.FirstOrDefault(s => s.Envelope?.Subject == subject) is { } found)
            {
                using var raw = new MemoryStream();
                await (await imap.Inbox.GetStreamAsync(found.UniqueId, string.Empty)).CopyToAsync(raw);
                return (Encoding.UTF8.GetString(raw.ToArray()), summaries.Select(s => s.Envelope?.Subject ?? string.Empty).ToList());
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No message \"{subject}\" reached {user}'s INBOX; Postfix log:\n{await File.ReadAllTextAsync(Postfix.LogPath)}");
            await Task.Delay(100);
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

    private string NewDirectory(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        _directories.Add(directory);
        return directory;
    }
}
