using Eas.Mail.LocalDovecot;

namespace Eas.Mail.Tests.LocalDovecot;

/// <summary>The private Dovecot's push_notification settings (config/dovecot/91-eas-push.conf's lines, rendered).</summary>
public sealed class DovecotPushWebhookTests
{
    private static readonly DovecotAccounts Accounts = new("root", "root", "dovenull", 65534, 65534, CanChroot: true);
    private static readonly DovecotLayout Layout = DovecotLayout.For("/tmp/eas-config-test");

    private static string Render(DovecotPushWebhook? push) =>
        new DovecotConfiguration(Layout, 1143, 1993, Accounts, MasterUsers: false, LmtpPort: 1024, PushWebhook: push).Render();

    [Fact]
    public void The_plugin_loads_the_shipped_Lua_driver_with_the_url_secret_and_timeout_as_plugin_settings()
    {
        var conf = Render(new DovecotPushWebhook(new Uri("http://127.0.0.1:8080/push/dovecot"), "s3cret") { Timeout = TimeSpan.FromMilliseconds(750) });

        conf.ShouldContain("mail_plugins = $mail_plugins mail_lua notify push_notification push_notification_lua\n");
        conf.ShouldContain($"  push_notification_driver = lua:file={Layout.PushScriptPath}\n");
        conf.ShouldContain("  eas_push_url = http://127.0.0.1:8080/push/dovecot\n");
        conf.ShouldContain("  eas_push_secret = s3cret\n");
        conf.ShouldContain("  eas_push_timeout_msecs = 750\n");
        conf.IndexOf("push_notification_lua", StringComparison.Ordinal).ShouldBeLessThan(conf.IndexOf("protocol lmtp", StringComparison.Ordinal), "the protocol sections extend the global mail_plugins");
        Render(null).ShouldNotContain("push_notification");
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("has#hash")]
    [InlineData("line\nbreak")]
    [InlineData("")]
    public void A_secret_that_would_break_the_config_line_is_refused(string secret) =>
        Should.Throw<InvalidOperationException>(() => Render(new DovecotPushWebhook(new Uri("http://127.0.0.1:8080/push/dovecot"), secret)));

    [Fact]
    public void The_embedded_script_is_the_one_in_config_dovecot_and_reads_its_settings_from_the_plugin_section()
    {
        var script = DovecotPushWebhook.Script();

        script.ShouldContain("function dovecot_lua_notify_begin_txn(user)");
        script.ShouldContain("function dovecot_lua_notify_end_txn(ctx, success)");
        script.ShouldContain("plugin_getenv(\"eas_push_url\")");
        script.ShouldContain("X-Eas-Push-Secret");
    }
}
