using Eas.Integration.Tests.Support;
using Eas.Mail.Sieve;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Integration.Tests;

/// <summary>
/// Settings Oof (MS-ASCMD 2.2.3.122) while the ManageSieve server (RFC 5804) cannot be reached: the server reaches
/// Dovecot's ManageSieve through a relay this class takes down and brings back, so the outage is this server's alone.
/// Get and Set answer the Oof Status "server unavailable" (MS-ASCMD 2.2.3.177.15, 4), the user's scripts stay as they
/// were, and once the relay is back the same Set works.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class OofOutageTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const string OwnRule = "require [\"fileinto\"];\r\n# the user's own rule\r\nif header :contains \"subject\" \"[list]\" {\r\n  fileinto \"INBOX\";\r\n}\r\n";

    private ServerInstance _server = null!;
    private TcpRelay _sieve = null!;

    public async Task InitializeAsync()
    {
        _sieve = TcpRelay.Start(dovecot.Dovecot.ManageSievePort!.Value);
        _server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Sieve:Port={_sieve.Port}", "--Eas:Sieve:TimeoutSeconds=5");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sieve.DisposeAsync();
    }

    private static WbxmlElement OofSet() =>
        OofTests.OofSet(WithText(SettingsPage.OofState, "1"), OofTests.Message(SettingsPage.AppliesToInternal, true, "Away today."));

    private static WbxmlElement OofGet() => OofTests.OofGet("Text");

    private static async Task<WbxmlElement> OofOf(EasTestClient phone, WbxmlElement request)
    {
        var response = await phone.PostAsync("Settings", request);
        var body = response.Body.ShouldNotBeNull();
        body.ValueOf(SettingsPage.Status).ShouldBe("1", "the request itself is fine; the Oof setting carries the outage");
        return body.Element(SettingsPage.Oof).ShouldNotBeNull();
    }

    /// <summary>The user's scripts straight from Dovecot's ManageSieve: name, whether active, text.</summary>
    private async Task<List<(string Name, bool Active, string? Text)>> ScriptsAsync(MailboxUser user)
    {
        await using var client = await ManageSieveClient.ConnectAsync(new SieveServer("127.0.0.1", dovecot.Dovecot.ManageSievePort!.Value) { Security = SieveSecurity.None }, CancellationToken.None);
        await client.AuthenticatePlainAsync(user.Address, user.Password, CancellationToken.None);
        var scripts = new List<(string, bool, string?)>();
        foreach (var script in (await client.ListScriptsAsync(CancellationToken.None)).OrderBy(s => s.Name, StringComparer.Ordinal))
            scripts.Add((script.Name, script.IsActive, await client.GetScriptAsync(script.Name, CancellationToken.None)));
        return scripts;
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_15_with_ManageSieve_unreachable_Oof_Get_and_Set_answer_Status_4_and_leave_the_scripts_then_Set_works_once_it_is_back()
    {
        var user = MailboxUser.Create(dovecot, "oofdown");
        await using (var own = await ManageSieveClient.ConnectAsync(new SieveServer("127.0.0.1", dovecot.Dovecot.ManageSievePort!.Value) { Security = SieveSecurity.None }, CancellationToken.None))
        {
            await own.AuthenticatePlainAsync(user.Address, user.Password, CancellationToken.None);
            await own.PutScriptAsync("mine", OwnRule, CancellationToken.None);
            await own.SetActiveAsync("mine", CancellationToken.None);
        }

        var phone = _server.Phone(user.Address, user.Password, "OofDown", "14.1");
        await phone.ProvisionAsync();
        var before = await ScriptsAsync(user);

        _sieve.Down();
        WbxmlElement get, set;
        try
        {
            get = await OofOf(phone, OofGet());
            set = await OofOf(phone, OofSet());
        }
        finally
        {
            _sieve.Up();
        }

        get.ValueOf(SettingsPage.Status).ShouldBe("4", "MS-ASCMD 2.2.3.177.15: the server is unavailable, the phone retries later");
        get.Element(SettingsPage.Get).ShouldBeNull("nothing was read, so nothing is answered as the user's settings");
        set.ValueOf(SettingsPage.Status).ShouldBe("4");
        (await ScriptsAsync(user)).ShouldBe(before, "a Set that could not reach the server changed no script");
        before.ShouldContain(s => s.Name == "mine" && s.Active, "the user's own script was there and active before the outage");

        (await OofOf(phone, OofSet())).ValueOf(SettingsPage.Status).ShouldBe("1", "the same Set works once ManageSieve is reachable");
        var after = (await OofOf(phone, OofGet())).Element(SettingsPage.Get).ShouldNotBeNull();
        after.ValueOf(SettingsPage.OofState).ShouldBe("1");
        after.Element(SettingsPage.OofMessage)!.ValueOf(SettingsPage.ReplyMessage).ShouldBe("Away today.");
    }
}
