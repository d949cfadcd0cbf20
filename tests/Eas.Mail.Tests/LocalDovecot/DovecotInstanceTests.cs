using System.Runtime.Versioning;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Eas.Mail.LocalDovecot;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.LocalDovecot;

[Collection(DovecotCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class DovecotInstanceTests(DovecotFixture fixture)
{
    private readonly DovecotInstance _dovecot = fixture.Dovecot;

    [Fact]
    public async Task Users_added_while_running_can_log_in()
    {
        _dovecot.AddUser("Erin", "added-later");
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", _dovecot.ImapPort, SecureSocketOptions.None);

        await client.AuthenticateAsync("erin", "added-later");

        client.IsAuthenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task Delivered_messages_appear_in_the_inbox()
    {
        _dovecot.AddUser("frank", "frank-pass");
        await _dovecot.DeliverAsync("frank", "From: a@example.com\nSubject: one\n\nfirst\n");
        await _dovecot.DeliverAsync("frank", "From: a@example.com\nSubject: two\n\nsecond\n"u8.ToArray(), seen: true);
        using var client = new ImapClient { ServerCertificateValidationCallback = _dovecot.IsOwnCertificate };
        await client.ConnectAsync("localhost", _dovecot.ImapsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync("frank", "frank-pass");

        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);

        client.Inbox.Count.ShouldBe(2);
    }

    [Fact]
    public void The_configuration_is_private_and_loopback_only()
    {
        var config = File.ReadAllText(_dovecot.ConfigPath);

        config.ShouldContain("listen = 127.0.0.1\n");
        config.ShouldNotContain("/etc/dovecot");
        config.ShouldNotContain("!include");
        config.ShouldContain($"base_dir = {_dovecot.DataDirectory}/run");
        File.GetUnixFileMode(_dovecot.ConfigPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Dovecot_logged_no_warning_or_error_at_start()
    {
        var startup = File.ReadLines(_dovecot.LogPath).TakeWhile(line => !line.Contains("imap-login", StringComparison.Ordinal));

        startup.ShouldNotContain(line => line.Contains("Warning:") || line.Contains("Error:") || line.Contains("Fatal:"));
    }

    [Fact]
    public void Adding_an_invalid_user_name_is_refused()
    {
        Should.Throw<ArgumentException>(() => _dovecot.AddUser("a:b", "pw"));
        Should.Throw<ArgumentException>(() => _dovecot.AddUser("../x", "pw"));
    }
}

public sealed class DovecotInstanceStartTests
{
    [Fact]
    public async Task A_missing_dovecot_says_how_to_install_it()
    {
        var options = new DovecotOptions { DataDirectory = "/tmp/eas-never-used", ExecutablePath = "/nonexistent/dovecot" };

        var error = await Should.ThrowAsync<FileNotFoundException>(() => DovecotInstance.StartAsync(options));

        error.Message.ShouldContain("apt-get install dovecot-imapd");
    }

    /// <summary>
    /// As root, mail processes run as 'nobody' and must reach the maildirs; unprivileged, every process runs as
    /// the current account, so a private (0700) parent is fine.
    /// </summary>
    [Fact]
    public async Task A_parent_directory_the_mail_account_cannot_pass_is_refused_when_root()
    {
        var hidden = Directory.CreateTempSubdirectory("eas-hidden-").FullName;
        try
        {
            var options = new DovecotOptions { DataDirectory = Path.Combine(hidden, "dovecot") };
            if (Environment.IsPrivilegedProcess)
            {
                var error = await Should.ThrowAsync<InvalidOperationException>(() => DovecotInstance.StartAsync(options));
                error.Message.ShouldContain(hidden);
            }
            else
            {
                await (await DovecotInstance.StartAsync(options)).DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(hidden, recursive: true);
        }
    }

    [Theory]
    [InlineData("/tmp/has space")]
    [InlineData("/tmp/percent%u")]
    [InlineData("/tmp/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Unusable_data_directories_are_refused(string directory)
    {
        await Should.ThrowAsync<ArgumentException>(() => DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = directory }));
    }
}
