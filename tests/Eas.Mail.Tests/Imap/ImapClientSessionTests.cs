using Eas.Mail.Imap;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientSessionTests(DovecotFixture fixture)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "session");

    [Fact]
    public async Task Dovecot_offers_the_extensions_the_mailbox_commands_rely_on()
    {
        await using var client = await _user.LoginAsync();

        foreach (var capability in new[] { "ENABLE", "ID", "CONDSTORE", "QRESYNC", "LIST-EXTENDED", "LIST-STATUS", "SPECIAL-USE", "ESEARCH", "UIDPLUS", "MOVE", "BINARY", "PREVIEW", "STATUS=SIZE", "UNSELECT", "LITERAL+" })
            client.Capabilities.Contains(capability).ShouldBeTrue(capability);
        client.Capabilities.Contains("OBJECTID").ShouldBeFalse();
        client.Capabilities.Contains("CREATE-SPECIAL-USE").ShouldBeFalse();
    }

    [Fact]
    public async Task Enabling_change_tracking_turns_on_qresync_and_with_it_condstore()
    {
        await using var client = await _user.LoginAsync();
        client.ChangeTracking.ShouldBe(ImapChangeTracking.None);

        var tracking = await client.EnableChangeTrackingAsync();

        tracking.ShouldBe(ImapChangeTracking.QuickResync);
        client.ChangeTracking.ShouldBe(ImapChangeTracking.QuickResync);
        client.EnabledExtensions.ShouldBe(["QRESYNC", "CONDSTORE"], ignoreOrder: true);
    }

    [Fact]
    public async Task Enable_reports_only_what_the_server_enabled()
    {
        await using var client = await _user.LoginAsync();

        var enabled = await client.EnableAsync(["CONDSTORE", "X-UNKNOWN-EXTENSION"]);

        enabled.ShouldBe(["CONDSTORE"]);
        client.ChangeTracking.ShouldBe(ImapChangeTracking.CondStore);
    }

    [Fact]
    public async Task Enable_is_refused_while_a_mailbox_is_selected()
    {
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        await Should.ThrowAsync<InvalidOperationException>(() => client.EnableChangeTrackingAsync());
        client.State.ShouldBe(ImapSessionState.Selected);
    }

    [Fact]
    public async Task Id_announces_the_client_and_returns_the_servers_fields()
    {
        await using var client = await _user.LoginAsync();

        var server = await client.IdAsync(new Dictionary<string, string?>
        {
            ["name"] = "Eas gateway",
            ["version"] = "1.0",
            ["x-originating-ip"] = "192.0.2.7",
            ["vendor"] = null,
        });

        server.ShouldNotBeNull()["name"].ShouldBe("Dovecot");
        (await client.IdAsync(null)).ShouldNotBeNull().Keys.ShouldContain("name");
    }

    [Fact]
    public async Task Id_fields_beyond_rfc_2971_limits_are_refused_before_sending()
    {
        await using var client = await _user.LoginAsync();

        await Should.ThrowAsync<ArgumentException>(() => client.IdAsync(new Dictionary<string, string?> { [new string('k', 31)] = "v" }));
        await Should.ThrowAsync<ArgumentException>(() => client.IdAsync(new Dictionary<string, string?> { ["k"] = new string('v', 1025) }));
        await client.NoopAsync();
    }
}
