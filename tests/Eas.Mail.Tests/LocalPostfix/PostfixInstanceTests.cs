using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Eas.Mail.LocalDovecot;
using Eas.Mail.LocalPostfix;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Eas.Mail.Tests.Fixtures;
using static Eas.Mail.Tests.Fixtures.PostfixFixture;

namespace Eas.Mail.Tests.LocalPostfix;

[Collection(PostfixCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class PostfixInstanceTests(PostfixFixture fixture)
{
    private readonly PostfixInstance _postfix = fixture.Postfix;
    private readonly DovecotInstance _dovecot = fixture.Dovecot;

    [Fact]
    public void The_configuration_is_private_and_binds_loopback_only()
    {
        var main = File.ReadAllText(Path.Combine(_postfix.ConfigDirectory, "main.cf"));
        var master = File.ReadAllLines(Path.Combine(_postfix.ConfigDirectory, "master.cf"));

        main.ShouldContain("inet_interfaces = 127.0.0.1\n");
        main.ShouldContain("inet_protocols = ipv4\n");
        main.ShouldContain("mydestination =\n");
        main.ShouldContain($"queue_directory = {_postfix.DataDirectory}/queue\n");
        main.ShouldContain($"smtpd_sasl_path = inet:127.0.0.1:{_dovecot.AuthPort}\n");
        main.ShouldContain($"virtual_transport = lmtp:inet:127.0.0.1:{_dovecot.LmtpPort}\n");
        main.ShouldNotContain("/etc/postfix");
        var inet = master.Where(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, "inet", ..]).ToArray();
        inet.Select(line => line.Split(' ')[0]).ShouldBe([$"127.0.0.1:{_postfix.SubmissionPort}", $"127.0.0.1:{_postfix.SubmissionsPort}"]);
    }

    /// <summary>Every listening TCP socket the master holds, read from /proc, is on 127.0.0.1.</summary>
    [Fact]
    public void The_running_master_listens_on_loopback_only()
    {
        var master = MasterOf(_postfix).ShouldNotBeNull();
        var inodes = Directory.EnumerateFileSystemEntries($"/proc/{master}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target?.StartsWith("socket:[", StringComparison.Ordinal) == true)
            .Select(target => target![8..^1])
            .ToHashSet();

        var listening = File.ReadLines("/proc/net/tcp").Concat(File.ReadLines("/proc/net/tcp6")).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == "0A" && inodes.Contains(fields[9]))
            .Select(fields => fields[1])
            .ToArray();

        listening.ShouldBe(
            [Local(_postfix.SubmissionPort), Local(_postfix.SubmissionsPort)], ignoreOrder: true);
    }

    [Fact]
    public async Task Postfix_and_dovecot_report_no_warning_at_start()
    {
        var postfixStart = File.ReadLines(_postfix.LogPath).TakeWhile(line => !line.Contains("postfix/submission", StringComparison.Ordinal));
        var dovecotStart = File.ReadLines(_dovecot.LogPath).TakeWhile(line => line.Contains("master:", StringComparison.Ordinal));
        var postconf = Process.Start(new ProcessStartInfo("/usr/sbin/postconf", ["-c", _postfix.ConfigDirectory, "-n"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = await postconf.StandardError.ReadToEndAsync();
        await postconf.StandardOutput.ReadToEndAsync();
        await postconf.WaitForExitAsync();

        postfixStart.ShouldNotContain(line => line.Contains("warning:") || line.Contains("error:") || line.Contains("fatal:") || line.Contains("panic:"));
        dovecotStart.ShouldNotContain(line => line.Contains("Warning:") || line.Contains("Error:") || line.Contains("Fatal:"));
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_mailbox_added_while_running_receives_mail_at_once()
    {
        var user = "frank" + Guid.NewGuid().ToString("N")[..8];
        _dovecot.AddUser(user, "Frank-Pass4");

        await _postfix.AddMailboxAsync($"{user}@example.com", user);
        await _postfix.AddMailboxAsync("info@example.net", Erin);

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", _postfix.SubmissionPort, SecureSocketOptions.None);
        await smtp.SendAsync(Message("added"), MailboxAddress.Parse(AliceAddress), [MailboxAddress.Parse($"{user}@example.com"), MailboxAddress.Parse("info@example.net")]);
        var (frank, _) = await fixture.WaitForMessageAsync(user, "Frank-Pass4", "added");
        frank.Dispose();
        var (erin, _) = await fixture.WaitForMessageAsync(Erin, ErinPassword, "added");
        erin.Dispose();
    }

    [Fact]
    public async Task Mailboxes_added_together_while_running_receive_mail_at_once()
    {
        var first = "gina" + Guid.NewGuid().ToString("N")[..8];
        var second = "hugo" + Guid.NewGuid().ToString("N")[..8];
        _dovecot.AddUser(first, "Gina-Pass4");
        _dovecot.AddUser(second, "Hugo-Pass4");

        await _postfix.AddMailboxesAsync(new Dictionary<string, string> { [$"{first}@example.com"] = first, [$"{second}@example.com"] = second });

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", _postfix.SubmissionPort, SecureSocketOptions.None);
        await smtp.SendAsync(Message("batch"), MailboxAddress.Parse(AliceAddress), [MailboxAddress.Parse($"{first}@example.com"), MailboxAddress.Parse($"{second}@example.com")]);
        var (gina, _) = await fixture.WaitForMessageAsync(first, "Gina-Pass4", "batch");
        gina.Dispose();
        var (hugo, _) = await fixture.WaitForMessageAsync(second, "Hugo-Pass4", "batch");
        hugo.Dispose();
    }

    [Fact]
    public async Task Authenticated_mail_for_other_domains_is_refused_since_nothing_is_delivered_elsewhere()
    {
        using var smtp = new SmtpClient { ServerCertificateValidationCallback = _postfix.IsOwnCertificate };
        await smtp.ConnectAsync("127.0.0.1", _postfix.SubmissionPort, SecureSocketOptions.StartTls);
        await smtp.AuthenticateAsync(Alice, AlicePassword);

        var error = await Should.ThrowAsync<SmtpCommandException>(
            () => smtp.SendAsync(Message("outbound"), MailboxAddress.Parse(AliceAddress), [MailboxAddress.Parse("someone@elsewhere.test")]));

        ((int)error.StatusCode).ShouldBe(550);
        error.Message.ShouldContain("5.7.1");
        error.Message.ShouldContain("delivers to its own mailboxes only");
    }

    [Fact]
    public async Task Addresses_the_tables_cannot_hold_are_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => _postfix.AddMailboxAsync("no-domain", Alice));
        await Should.ThrowAsync<ArgumentException>(() => _postfix.AddMailboxAsync("a b@example.com", Alice));
        await Should.ThrowAsync<ArgumentException>(() => _postfix.AddMailboxAsync("x@example.com", "user:with$"));
    }

    [Fact]
    public void Dovecot_exposes_its_lmtp_and_auth_ports()
    {
        int?[] ports = [_dovecot.ImapPort, _dovecot.ImapsPort, _dovecot.LmtpPort, _dovecot.AuthPort];

        ports.ShouldAllBe(port => port != null);
        ports.Distinct().Count().ShouldBe(4);
    }

    /// <summary>The master chdirs to its queue directory; that tells it apart from other instances' masters.</summary>
    internal static int? MasterOf(PostfixInstance postfix)
    {
        var queue = Path.Combine(postfix.DataDirectory, "queue");
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (!name.All(char.IsAsciiDigit)) continue;
            try
            {
                if (File.ReadAllText($"{directory}/comm").Trim() == "master" && new DirectoryInfo($"{directory}/cwd").LinkTarget == queue)
                    return int.Parse(name, CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // Exited meanwhile.
            }
        }

        return null;
    }

    /// <summary>Running and not a zombie: a daemonized master's parent is init, which may take its time to reap it.</summary>
    internal static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static string Local(int port) => string.Create(CultureInfo.InvariantCulture, $"0100007F:{port:X4}");

    private static MimeMessage Message(string subject) =>
        MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes($"From: <{AliceAddress}>\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.com>\r\n\r\nHello.\r\n")));
}
