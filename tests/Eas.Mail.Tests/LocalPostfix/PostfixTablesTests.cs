using Eas.Mail.LocalDovecot;
using Eas.Mail.LocalPostfix;

namespace Eas.Mail.Tests.LocalPostfix;

/// <summary>The lookup tables and the Dovecot settings that make Postfix's LMTP recipients Dovecot's users.</summary>
public sealed class PostfixTablesTests
{
    [Fact]
    public void Users_without_a_domain_are_reached_through_the_bare_user_domain()
    {
        var mailboxes = new PostfixMailboxes();
        mailboxes.Set("Alice@Example.com", "alice");
        mailboxes.Set("demo@example.com", "demo@example.com");
        mailboxes.Set("info@example.net", "demo@example.com");

        Entries(mailboxes.RenderMailboxes()).ShouldBe(
            ["alice@example.com alice", "demo@example.com demo@example.com", "info@example.net demo@example.com"]);
        Entries(mailboxes.RenderAliases()).ShouldBe(
            ["alice@example.com alice@bare-user.invalid", "info@example.net demo@example.com"]);
        mailboxes.Domains().ShouldBe(["bare-user.invalid", "example.com", "example.net"]);
    }

    [Fact]
    public void Setting_the_same_mailbox_again_changes_nothing()
    {
        var mailboxes = new PostfixMailboxes();

        mailboxes.Set("a@example.com", "a").ShouldBeTrue();
        mailboxes.Set("A@example.com", "A").ShouldBeFalse();
        mailboxes.Set("a@example.com", "b").ShouldBeTrue();
    }

    [Fact]
    public void Dovecot_strips_the_bare_user_domain_for_lmtp_only_and_listens_on_loopback()
    {
        var accounts = new DovecotAccounts("root", "root", "dovenull", 65534, 65534, CanChroot: true);
        var layout = DovecotLayout.For("/tmp/eas-config-test");

        var plain = new DovecotConfiguration(layout, 1143, 1993, accounts, MasterUsers: false).Render();
        var withListeners = new DovecotConfiguration(layout, 1143, 1993, accounts, MasterUsers: false, LmtpPort: 1024, AuthPort: 1025).Render();

        plain.ShouldContain("protocols = imap\n");
        plain.ShouldNotContain("lmtp");
        plain.ShouldNotContain("service auth");
        withListeners.ShouldContain("protocols = imap lmtp\n");
        withListeners.ShouldContain("protocol lmtp {\n  auth_username_format = %{if;%d;eq;bare-user.invalid;%Ln;%Lu}\n}");
        withListeners.ShouldContain("inet_listener lmtp {\n    address = 127.0.0.1\n    port = 1024\n  }");
        withListeners.ShouldContain("service auth {\n  inet_listener {\n    address = 127.0.0.1\n    port = 1025\n  }\n}");
    }

    private static string[] Entries(string table) => [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#'))];
}
