using System.Net;
using System.Text.Json.Nodes;
using Eas.Actors.Devices.Access;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using MailKit;
using MailKit.Search;

namespace Eas.Integration.Tests;

/// <summary>
/// Device access rules, quarantine and per-domain policies over real HTTP: a blocked device type is refused with
/// MS-ASCMD 2.2.2 Status 129 (HTTP 403 before 14.0, MS-ASHTTP 2.2.2.1.1); a quarantined phone provisions and syncs its
/// hierarchy, sees only its Inbox with the notice (put there once) until an admin approves it, then gets the rest
/// without a resync, and the admins are mailed through Postfix; a domain's policy reaches a
/// provisioned phone at its next request (MS-ASPROV 3.1.5.1, Status 144) and in its next Provision.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class DeviceAccessRuleTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;
    private MailboxUser _admins = null!;

    public async Task InitializeAsync()
    {
        _admins = MailboxUser.Create(dovecot, "quarantineadmins");
        await dovecot.AcceptMailForAsync(_admins.Address);
        _server = await ServerInstance.StartAsync(dovecot, null,
            [.. AdminClient.RootArgs, "--Eas:License:ActiveSyncMailboxCount=100", $"--Eas:Devices:Quarantine:NotifyAddresses:0={_admins.Address}"]);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASCMD_2_2_2_a_blocked_device_type_gets_status_129_from_14_0_and_HTTP_403_below()
    {
        var user = MailboxUser.Create(dovecot, "blocked");
        await _server.Admin().PutAsync($"/accounts/{user.Address}/access-rules", new[] { new { characteristic = "deviceType", pattern = "Blocked*", level = "block" } });
        var modern = new EasTestClient(_server.CreateHttpClient(), user.Address, user.Password, "Blocked141", "14.1", "BlockedPhone");
        var legacy = new EasTestClient(_server.CreateHttpClient(), user.Address, user.Password, "Blocked121", "12.1", "BlockedPhone");
        var allowed = new EasTestClient(_server.CreateHttpClient(), user.Address, user.Password, "Allowed141", "14.1", "OtherPhone");

        var refused = await modern.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, true));
        var old = await legacy.PostAsync("FolderSync", MailRequests.FolderSync("0"));

        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Body.ShouldNotBeNull().ValueOf(Provision.Status).ShouldBe("129", "DeviceIsBlockedForThisUser");
        old.Status.ShouldBe(HttpStatusCode.Forbidden);
        old.Body.ShouldBeNull();
        await allowed.ProvisionAsync();
        var device = DeviceOf(await _server.Admin().GetAsync($"/accounts/{user.Address}/devices"), "Blocked141");
        device["access"]!["level"]!.GetValue<string>().ShouldBe("block");
        device["access"]!["source"]!.GetValue<string>().ShouldBe("account");
    }

    [Fact]
    public async Task A_quarantined_phone_sees_only_its_inbox_with_the_notice_and_the_rest_arrives_after_an_admin_approves_it()
    {
        var user = MailboxUser.Create(dovecot, "quarantine");
        await user.DeliverAsync(1);
        await user.DeliverAsync(2);
        await _server.Admin().PutAsync($"/accounts/{user.Address}/access-rules", new[] { new { characteristic = "deviceType", pattern = "*", level = "quarantine" } });

        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Held1");
        phone.Folders.Values.ShouldHaveSingleItem("a quarantined phone is shown its Inbox alone").Type.ShouldBe("2");
        var inbox = phone.IdOf("INBOX");
        var held = await phone.SyncAllAsync(inbox);
        held.ShouldHaveSingleItem().Data.ValueOf(Email.Subject).ShouldBe(QuarantineNotice.Subject);
        var noticeId = held[0].ServerId;
        var elsewhere = await phone.Client.PostAsync("Sync", MailRequests.Sync(phone.Version, inbox + "x", "0"));
        elsewhere.Status.ShouldBe(HttpStatusCode.Forbidden);
        elsewhere.Body.ShouldNotBeNull().ValueOf(AirSync.Status).ShouldBe("129", "another collection stays refused");
        var send = await phone.Client.PostAsync("SendMail", ComposeRequests.SendMail("q1", "Subject: no\r\n\r\nno\r\n"u8.ToArray()));
        send.Status.ShouldBe(HttpStatusCode.Forbidden);

        (await NoticesAsync(user)).ShouldBe(1, "the notice is put in the Inbox once per device");
        var quarantined = (await _server.Admin().GetAsync("/devices/quarantined")).AsArray();
        quarantined.ShouldContain(d => d!["deviceId"]!.GetValue<string>() == "Held1" && d["account"]!.GetValue<string>() == user.Address);
        var adminNotice = (await Mailbox.WaitForAsync(_admins, $"Mobile device Held1 of {user.Address} is quarantined")).ShouldHaveSingleItem();
        adminNotice.Raw.ShouldContain($"/accounts/{user.Address}/devices/Held1/approve");

        var other = MailboxUser.Create(dovecot, "quarantineother");
        using var wrongAccount = await _server.Admin().PostAsync($"/accounts/{other.Address}/devices/Held1/approve", new { });
        wrongAccount.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the device must belong to the account in the path");
        using var approved = await _server.Admin().PostAsync($"/accounts/{user.Address}/devices/Held1/approve", new { });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await phone.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("1");
        phone.Folders.Values.ShouldContain(f => f.Type == "5", "the next FolderSync adds every other folder");
        phone.IdOf("INBOX").ShouldBe(inbox);
        var rest = await phone.SyncAsync(inbox);
        rest.ValueOf(AirSync.Status).ShouldBe("1", "the partnership and the Inbox's sync key stand");
        var added = SyncingPhone.AddsOf(rest).ToList();
        added.Count.ShouldBe(2, "the two delivered messages, and no second notice");
        added.ShouldNotContain(a => a.ServerId == noticeId);
        (await NoticesAsync(user)).ShouldBe(1);
        (await _server.Admin().GetAsync("/devices/quarantined")).AsArray().ShouldNotContain(d => d!["deviceId"]!.GetValue<string>() == "Held1");
        var audit = (await _server.Admin().GetAsync("/audit?limit=1000")).AsArray();
        audit.ShouldContain(e => e!["change"]!.GetValue<string>() == "device.access_approved" && e["details"]!["account"]!.GetValue<string>() == user.Address);
        audit.ShouldContain(e => e!["change"]!.GetValue<string>() == "device.quarantine_admins_notified" && e["details"]!["device"]!.GetValue<string>() == "Held1");
        audit.ShouldContain(e => e!["change"]!.GetValue<string>() == "directory.SetDeviceAccessRules");
    }

    [Fact]
    public async Task MS_ASPROV_3_1_5_1_a_domain_policy_reaches_a_provisioned_phone_at_its_next_request_and_Provision()
    {
        var user = MailboxUser.Create(dovecot, "domainpolicy");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Policy1");
        try
        {
            await _server.Admin().PutAsync($"/policies/domains/{DovecotFixture.Domain}", new Dictionary<string, string> { ["DevicePasswordEnabled"] = "1", ["MinDevicePasswordLength"] = "7" });

            var stale = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));
            stale.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("144", "the acknowledged key stands for the old policy");
            phone.Client.PolicyKey = null;
            var download = await phone.Client.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, true));
            var document = download.Body.ShouldNotBeNull().Element(Provision.Policies)!.Element(Provision.Policy)!.Element(Provision.Data)!.Element(Provision.EASProvisionDoc).ShouldNotBeNull();
            document.ValueOf(Provision.MinDevicePasswordLength).ShouldBe("7");
            var effective = await _server.Admin().GetAsync($"/accounts/{user.Address}/policy");
            effective["settings"]!["MinDevicePasswordLength"]!["source"]!.GetValue<string>().ShouldBe("domain");

            await phone.Client.ProvisionAsync();
            (await phone.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("1");
        }
        finally
        {
            using var cleared = await _server.Admin().SendAsync(HttpMethod.Delete, $"/policies/domains/{DovecotFixture.Domain}");
        }
    }

    private static async Task<int> NoticesAsync(MailboxUser user)
    {
        using var imap = await user.ConnectImapAsync();
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var found = await imap.Inbox.SearchAsync(SearchQuery.SubjectContains("quarantined"));
        await imap.DisconnectAsync(true);
        return found.Count;
    }

    private static JsonNode DeviceOf(JsonNode devices, string deviceId) =>
        devices.AsArray().Single(d => d!["deviceId"]!.GetValue<string>() == deviceId)!;
}
