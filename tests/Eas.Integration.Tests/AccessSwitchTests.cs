using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>ActiveSync and its sub-options switched over the admin API, as a synced phone sees it over real HTTP.</summary>
[Collection(DovecotCollection.Name)]
public sealed class AccessSwitchTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, null, AdminClient.RootArgs);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Switching_Email_off_removes_the_mail_folders_and_refuses_their_Sync_and_Ping_until_it_is_back()
    {
        var user = MailboxUser.Create(dovecot, "switch");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "SwitchPhone");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAllAsync(inbox);
        var admin = _server.Admin();

        var off = await admin.PutAsync($"/accounts/{user.Address}", new { email = false });
        off["effective"]!["email"]!["value"]!.GetValue<bool>().ShouldBeFalse();
        off["effective"]!["email"]!["source"]!.GetValue<string>().ShouldBe("account");

        var ping = await phone.Client.PostAsync("Ping", PingRequests.Ping(60, inbox));
        ping.Body.ShouldNotBeNull().ValueOf(Ping.Status).ShouldBe("7", "the hierarchy changed: the phone must FolderSync");
        (await phone.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("12");
        var created = await phone.Client.PostAsync("FolderCreate", MailRequests.FolderCreate(phone.HierarchyKey, "0", "Sneaky"));
        created.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("5", "no mail folder is created while Email is off");
        var deleted = await phone.Client.PostAsync("FolderDelete", MailRequests.FolderDelete(phone.HierarchyKey, inbox));
        deleted.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("4", "the mail folders are not there for the phone");
        var hierarchy = await phone.FolderSyncAsync();
        var deletes = 0;
        foreach (var change in hierarchy.Element(FolderHierarchy.Changes)!.Children) deletes += change.Tag == FolderHierarchy.Delete ? 1 : 0;
        deletes.ShouldBeGreaterThanOrEqualTo(5);
        phone.Folders.Keys.Order(StringComparer.Ordinal).ToArray().ShouldBe(["Calendar", "Contacts", "Notes", "Tasks"], customMessage: "only the PIM folders are left: Contacts and PIM are still on");

        await admin.PutAsync($"/accounts/{user.Address}", new { });
        await phone.FolderSyncAsync();
        phone.Folders.ShouldContainKey("INBOX");
        phone.IdOf("INBOX").ShouldBe(inbox, "folder ids are stable across the switch");
        (await phone.SyncAllAsync(inbox)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_service_switch_and_a_domain_switch_refuse_with_403_and_the_account_setting_wins_over_its_domain()
    {
        var user = MailboxUser.Create(dovecot, "svc");
        var phone = _server.Phone(user.Address, user.Password, "SvcPhone", "12.1");
        await phone.ProvisionAsync();
        var admin = _server.Admin();

        await admin.PutAsync($"/domains/{DovecotFixture.Domain}", new { activeSync = false });
        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.Forbidden);
        var view = await admin.GetAsync($"/accounts/{user.Address}");
        view["effective"]!["activeSync"]!["source"]!.GetValue<string>().ShouldBe("domain");

        await admin.PutAsync($"/accounts/{user.Address}", new { activeSync = true });
        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.OK);

        await admin.PutAsync("/service", new { enabled = false });
        var refused = await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"));
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Body.ShouldBeNull("12.1 has no status for it: the 403 alone");
        (await admin.GetAsync($"/accounts/{user.Address}"))["effective"]!["activeSync"]!["source"]!.GetValue<string>().ShouldBe("serviceSwitch");

        await admin.PutAsync("/service", new { enabled = true });
        await admin.SendAsync(HttpMethod.Delete, $"/domains/{DovecotFixture.Domain}");
        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.OK);

        var devices = (await admin.GetAsync($"/accounts/{user.Address}/devices")).AsArray();
        devices.Count.ShouldBe(1);
        devices[0]!["deviceId"]!.GetValue<string>().ShouldBe("SvcPhone");
        devices[0]!["protocolVersion"]!.GetValue<string>().ShouldBe("12.1");
        devices[0]!["provisioned"]!.GetValue<bool>().ShouldBeTrue();
        devices[0]!["lastContact"].ShouldNotBeNull();
    }

    [Fact]
    public async Task The_admin_API_refuses_everyone_but_configured_admins()
    {
        (await _server.Admin(AdminClient.Root, "wrong").SendAsync(HttpMethod.Get, "/license")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _server.Admin("mike", AdminClient.RootPassword).SendAsync(HttpMethod.Get, "/license")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var anonymous = _server.CreateHttpClient();
        var challenge = await anonymous.GetAsync("/admin/api/license");
        challenge.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        challenge.Headers.WwwAuthenticate.ToString().ShouldContain("Basic");
        (await _server.Admin().SendAsync(HttpMethod.Get, "/license")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _server.Admin().SendAsync(HttpMethod.Delete, "/domains/%20")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var broken = new HttpRequestMessage(HttpMethod.Put, "/admin/api/accounts/mike@ox.io") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") })
        {
            broken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AdminClient.Root}:{AdminClient.RootPassword}")));
            using var http = _server.CreateHttpClient();
            (await http.SendAsync(broken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        (await _server.Admin(AdminClient.Root, "").SendAsync(HttpMethod.Get, "/license")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Should.ThrowAsync<InvalidOperationException>(() => ServerInstance.StartAsync(dovecot, null, "--Eas:Admin:Users:root="));

        await using var closed = await ServerInstance.StartAsync(dovecot);
        (await closed.Admin().SendAsync(HttpMethod.Get, "/license")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
