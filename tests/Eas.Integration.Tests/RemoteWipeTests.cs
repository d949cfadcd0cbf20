using System.Net;
using System.Text.Json.Nodes;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// Remote wipe, account-only wipe and removing a partnership over real HTTP (MS-ASPROV 3.2.5.1.2, 3.1.5.1.2.2,
/// 3.1.5.1.2.3, MS-ASCMD 2.2.2 Status 140): ordered through the admin API, answered to the phone by version,
/// acknowledged, audited, refused afterwards, and surviving a restart.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class RemoteWipeTests(DovecotFixture dovecot) : IAsyncLifetime
{
    /// <summary>How the audit log and the device name the admin <see cref="AdminClient.Root"/>.</summary>
    private const string By = "admin:" + AdminClient.Root;

    private static readonly string[] Args = [.. AdminClient.RootArgs, "--Eas:License:ActiveSyncMailboxCount=100"];
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, Args);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASPROV_3_2_5_1_2_a_14_1_phone_gets_status_140_then_RemoteWipe_and_is_refused_after_acknowledging()
    {
        var user = MailboxUser.Create(dovecot, "wipe141");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Wipe141");

        await OrderAsync(_server, user, "Wipe141", accountOnly: false);
        var next = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));
        next.Status.ShouldBe(HttpStatusCode.OK);
        next.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("140", "MS-ASCMD 2.2.2: RemoteWipeRequested from 14.0");

        await ProvisionGetsDirectiveAndAcknowledgesAsync(phone.Client, Provision.RemoteWipe);
        await AcknowledgedEventuallyAsync(_server, user, "Wipe141", accountOnly: false);
        (await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await phone.Client.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, true))).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MS_ASPROV_2_2_2_1_a_16_1_phone_gets_AccountOnlyRemoteWipe_and_its_acknowledgement_is_recorded()
    {
        var user = MailboxUser.Create(dovecot, "wipe161");
        var phone = await SyncingPhone.StartAsync(_server, user, "16.1", "Wipe161");

        await OrderAsync(_server, user, "Wipe161", accountOnly: true);
        var next = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));
        next.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("140");

        await ProvisionGetsDirectiveAndAcknowledgesAsync(phone.Client, Provision.AccountOnlyRemoteWipe);
        await AcknowledgedEventuallyAsync(_server, user, "Wipe161", accountOnly: true);
        (await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey))).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MS_ASPROV_3_2_5_1_2_a_12_1_phone_gets_HTTP_449_then_RemoteWipe()
    {
        var user = MailboxUser.Create(dovecot, "wipe121");
        var phone = await SyncingPhone.StartAsync(_server, user, "12.1", "Wipe121");

        await OrderAsync(_server, user, "Wipe121", accountOnly: false);
        (await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey))).Status.ShouldBe((HttpStatusCode)449);

        await ProvisionGetsDirectiveAndAcknowledgesAsync(phone.Client, Provision.RemoteWipe);
        await AcknowledgedEventuallyAsync(_server, user, "Wipe121", accountOnly: false);
        (await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey))).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MS_ASPROV_3_2_5_1_2_2_a_failed_wipe_is_recorded_and_answered_with_status_2_and_the_directive_again()
    {
        var user = MailboxUser.Create(dovecot, "wipefail");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "WipeFail");
        await OrderAsync(_server, user, "WipeFail", accountOnly: false);

        var failed = await phone.Client.PostAsync("Provision", WithChildren(Provision.ProvisionElement, WithChildren(Provision.RemoteWipe, WithText(Provision.Status, "2"))));

        failed.Status.ShouldBe(HttpStatusCode.OK);
        var body = failed.Body.ShouldNotBeNull();
        body.ValueOf(Provision.Status).ShouldBe("2");
        body.Element(Provision.RemoteWipe).ShouldNotBeNull();
        var wipe = DeviceOf(await _server.Admin().GetAsync($"/accounts/{user.Address}/devices"), "WipeFail")["wipe"].ShouldNotBeNull();
        wipe["state"]!.GetValue<string>().ShouldBe("acknowledged");
        wipe["status"]!.GetValue<string>().ShouldBe("Failed");
    }

    [Fact]
    public async Task MS_ASPROV_2_2_2_1_an_account_only_wipe_of_a_device_below_16_1_is_refused_with_a_reason()
    {
        var user = MailboxUser.Create(dovecot, "wipeold");
        await SyncingPhone.StartAsync(_server, user, "14.1", "WipeOld");

        using var refused = await _server.Admin().PostAsync($"/accounts/{user.Address}/devices/WipeOld/wipe", new { accountOnly = true });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("16.1");
        DeviceOf(await _server.Admin().GetAsync($"/accounts/{user.Address}/devices"), "WipeOld")["wipe"].ShouldBeNull();
    }

    [Fact]
    public async Task A_wipe_cancelled_before_the_acknowledgement_lets_the_phone_go_on()
    {
        var user = MailboxUser.Create(dovecot, "wipecancel");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "WipeCancel");
        await OrderAsync(_server, user, "WipeCancel", accountOnly: false);

        using var cancelled = await _server.Admin().SendAsync(HttpMethod.Delete, $"/accounts/{user.Address}/devices/WipeCancel/wipe");

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await phone.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("1");
        DeviceOf(await _server.Admin().GetAsync($"/accounts/{user.Address}/devices"), "WipeCancel")["wipe"].ShouldBeNull();
        var audit = (await _server.Admin().GetAsync("/audit?limit=1000")).AsArray();
        audit.ShouldContain(e => e!["change"]!.GetValue<string>() == "device.remote_wipe_cancelled" && e["by"]!.GetValue<string>() == By
            && e["details"]!["account"]!.GetValue<string>() == user.Address);
    }

    [Fact]
    public async Task A_wipe_for_a_device_of_another_account_is_404_and_wipes_nothing()
    {
        var owner = MailboxUser.Create(dovecot, "wipeowner");
        var other = MailboxUser.Create(dovecot, "wipeother");
        var phone = await SyncingPhone.StartAsync(_server, owner, "14.1", "WipeOwned");
        await SyncingPhone.StartAsync(_server, other, "14.1", "WipeOtherPhone");

        using var wrong = await _server.Admin().PostAsync($"/accounts/{other.Address}/devices/WipeOwned/wipe", new { accountOnly = false });
        using var cancel = await _server.Admin().SendAsync(HttpMethod.Delete, $"/accounts/{other.Address}/devices/WipeOwned/wipe");
        using var remove = await _server.Admin().SendAsync(HttpMethod.Delete, $"/accounts/{other.Address}/devices/WipeOwned");

        wrong.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        cancel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await phone.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("1");
    }

    [Fact]
    public async Task MS_ASPROV_3_2_5_1_removing_a_wiped_partnership_lets_the_phone_provision_and_sync_from_scratch()
    {
        var user = MailboxUser.Create(dovecot, "wiperemove");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "WipeRemove");
        var oldPolicyKey = phone.Client.PolicyKey;
        var oldHierarchyKey = phone.HierarchyKey;
        await OrderAsync(_server, user, "WipeRemove", accountOnly: false);
        await ProvisionGetsDirectiveAndAcknowledgesAsync(phone.Client, Provision.RemoteWipe);
        (await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(oldHierarchyKey))).Status.ShouldBe(HttpStatusCode.Forbidden);

        using var removed = await _server.Admin().SendAsync(HttpMethod.Delete, $"/accounts/{user.Address}/devices/WipeRemove");

        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        phone.Client.PolicyKey = oldPolicyKey;
        var stale = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(oldHierarchyKey));
        stale.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("144", "the partnership is gone: its policy key is unknown (MS-ASCMD 2.2.2)");
        await phone.Client.ProvisionAsync();
        var oldKey = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(oldHierarchyKey));
        oldKey.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("9", "the old hierarchy key is unknown: the phone must resync (MS-ASCMD 2.2.3.177.4)");
        var fresh = new SyncingPhone(phone.Client);
        (await fresh.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("1");
        (await fresh.SyncAllAsync(fresh.IdOf("INBOX"))).Count.ShouldBe(1);
        var audit = (await _server.Admin().GetAsync("/audit?limit=1000")).AsArray();
        audit.ShouldContain(e => e!["change"]!.GetValue<string>() == "device.removed" && e["by"]!.GetValue<string>() == By
            && e["details"]!["device"]!.GetValue<string>() == "wiperemove");
    }

    [Fact]
    public async Task A_pending_and_an_acknowledged_wipe_survive_a_restart()
    {
        var first = await ServerInstance.StartAsync(dovecot, null, Args);
        var user = MailboxUser.Create(dovecot, "wiperestart");
        var phone = await SyncingPhone.StartAsync(first, user, "14.1", "WipeRestart");
        var policyKey = phone.Client.PolicyKey;
        await OrderAsync(first, user, "WipeRestart", accountOnly: false);
        await first.DisposeAsync();

        var second = await ServerInstance.StartAsync(dovecot, first.DataDirectory, Args);
        var again = second.Phone(user.Address, user.Password, "WipeRestart", "14.1");
        again.PolicyKey = policyKey;
        (await again.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey))).Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("140");
        await ProvisionGetsDirectiveAndAcknowledgesAsync(again, Provision.RemoteWipe);
        await second.DisposeAsync();

        await using var third = await ServerInstance.StartAsync(dovecot, first.DataDirectory, Args);
        var wipe = DeviceOf(await third.Admin().GetAsync($"/accounts/{user.Address}/devices"), "WipeRestart")["wipe"].ShouldNotBeNull();
        wipe["state"]!.GetValue<string>().ShouldBe("acknowledged");
        wipe["status"]!.GetValue<string>().ShouldBe("Succeeded");
        var last = third.Phone(user.Address, user.Password, "WipeRestart", "14.1");
        last.PolicyKey = policyKey;
        (await last.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey))).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>Orders the wipe through the admin API and checks it is pending in the answer.</summary>
    private static async Task OrderAsync(ServerInstance server, MailboxUser user, string deviceId, bool accountOnly)
    {
        using var ordered = await server.Admin().PostAsync($"/accounts/{user.Address}/devices/{deviceId}/wipe", new { accountOnly });
        var text = await ordered.Content.ReadAsStringAsync();
        ordered.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var wipe = JsonNode.Parse(text)!["wipe"].ShouldNotBeNull();
        wipe["state"]!.GetValue<string>().ShouldBe("pending");
        wipe["accountOnly"]!.GetValue<bool>().ShouldBe(accountOnly);
        wipe["requestedBy"]!.GetValue<string>().ShouldBe(By);
    }

    /// <summary>
    /// The phone provisions and gets the directive instead of a policy (MS-ASPROV 3.2.5.1.2.1), then acknowledges it with
    /// Status 1 (3.1.5.1.2.2 / 3.1.5.1.2.3) and gets Status 1 (3.2.5.1.2.2).
    /// </summary>
    private static async Task ProvisionGetsDirectiveAndAcknowledgesAsync(EasTestClient phone, ushort directive)
    {
        var provision = await phone.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, phone.Version is "14.1" or "16.1"));
        provision.Status.ShouldBe(HttpStatusCode.OK);
        var body = provision.Body.ShouldNotBeNull();
        body.ValueOf(Provision.Status).ShouldBe("1");
        body.Element(directive).ShouldNotBeNull("the Provision response carries the wipe directive");
        body.Element(directive == Provision.RemoteWipe ? Provision.AccountOnlyRemoteWipe : Provision.RemoteWipe).ShouldBeNull();
        body.Element(Provision.Policies).ShouldBeNull("a wipe directive replaces the policy");

        var acknowledged = await phone.PostAsync("Provision", WithChildren(Provision.ProvisionElement, WithChildren(directive, WithText(Provision.Status, "1"))));
        acknowledged.Status.ShouldBe(HttpStatusCode.OK);
        acknowledged.Body.ShouldNotBeNull().ValueOf(Provision.Status).ShouldBe("1");
    }

    /// <summary>The admin API shows the acknowledgement, and the audit log has the order (by root) and the acknowledgement (told to the audit log, so read until it is there).</summary>
    private static async Task AcknowledgedEventuallyAsync(ServerInstance server, MailboxUser user, string deviceId, bool accountOnly)
    {
        var wipe = DeviceOf(await server.Admin().GetAsync($"/accounts/{user.Address}/devices"), deviceId)["wipe"].ShouldNotBeNull();
        wipe["state"]!.GetValue<string>().ShouldBe("acknowledged");
        wipe["status"]!.GetValue<string>().ShouldBe("Succeeded");
        wipe["acknowledgedAt"].ShouldNotBeNull();
        wipe["accountOnly"]!.GetValue<bool>().ShouldBe(accountOnly);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var audit = (await server.Admin().GetAsync("/audit?limit=1000")).AsArray()
                .Where(e => e!["details"]?["account"]?.GetValue<string>() == user.Address).Select(e => (e!["change"]!.GetValue<string>(), e["by"]!.GetValue<string>())).ToList();
            if (audit.Contains(("device.remote_wipe_acknowledged", "device")) || DateTime.UtcNow > deadline)
            {
                audit.ShouldContain(("device.remote_wipe_requested", By));
                audit.ShouldContain(("device.remote_wipe_acknowledged", "device"));
                return;
            }

            await Task.Delay(50);
        }
    }

    private static JsonNode DeviceOf(JsonNode devices, string deviceId) =>
        devices.AsArray().Single(d => d!["deviceId"]!.GetValue<string>() == deviceId)!;
}
