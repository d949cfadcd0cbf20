using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Eas.Integration.Tests;

/// <summary>
/// Abandoned partnerships over real HTTP (Outlook for desktop may send a new DeviceId at every start): a new
/// DeviceId of a known account starts cleanly, and a device silent for longer than Eas:Devices:StaleAfterDays is
/// removed when the account is next used: gone from the admin list, its journal deleted (it must provision again,
/// MS-ASPROV 3.2.5.1), the removal in the audit log.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class StaleDeviceCleanupTests(DovecotFixture dovecot)
{
    [Fact]
    public async Task A_device_idle_past_the_limit_is_removed_audited_and_must_provision_again()
    {
        var clock = new ShiftedClock();
        void UseClock(WebApplicationBuilder builder) => builder.Services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(clock);
        await using var server = await ServerInstance.StartAsync(dovecot, null, UseClock, [.. AdminClient.RootArgs, "--Eas:License:ActiveSyncMailboxCount=100"]);
        var user = MailboxUser.Create(dovecot, "stale");
        var old = await SyncingPhone.StartAsync(server, user, "14.1", "OutlookOld");
        var kept = await SyncingPhone.StartAsync(server, user, "14.1", "OutlookKept");

        clock.Offset = TimeSpan.FromDays(20);
        (await kept.Client.PostAsync("FolderSync", MailRequests.FolderSync(kept.HierarchyKey))).Status.ShouldBe(HttpStatusCode.OK);
        clock.Offset = TimeSpan.FromDays(31);
        var fresh = await SyncingPhone.StartAsync(server, user, "14.1", "OutlookNew");

        fresh.Folders.ShouldContainKey("INBOX");
        var devices = await DevicesEventuallyAsync(server, user, ["OutlookKept", "OutlookNew"]);
        devices.ShouldBe(["OutlookKept", "OutlookNew"]);
        var audit = (await server.Admin().GetAsync("/audit")).AsArray();
        var removal = audit.Single(e => e!["change"]!.GetValue<string>() == "device.removed")!;
        removal["by"]!.GetValue<string>().ShouldBe("cleanup");
        removal["details"]!["device"]!.GetValue<string>().ShouldBe("outlookold");
        var back = await old.Client.PostAsync("FolderSync", MailRequests.FolderSync(old.HierarchyKey));
        back.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("144", "the partnership is gone: its policy key is unknown");
    }

    [Fact]
    public async Task The_cleanup_can_be_turned_off()
    {
        var clock = new ShiftedClock();
        void UseClock(WebApplicationBuilder builder) => builder.Services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(clock);
        await using var server = await ServerInstance.StartAsync(
            dovecot, null, UseClock, [.. AdminClient.RootArgs, "--Eas:License:ActiveSyncMailboxCount=100", "--Eas:Devices:StaleAfterDays=0"]);
        var user = MailboxUser.Create(dovecot, "staleoff");
        await SyncingPhone.StartAsync(server, user, "14.1", "OutlookOld");

        clock.Offset = TimeSpan.FromDays(365);
        await SyncingPhone.StartAsync(server, user, "14.1", "OutlookNew");

        (await DevicesEventuallyAsync(server, user, ["OutlookNew", "OutlookOld"])).ShouldBe(["OutlookNew", "OutlookOld"]);
    }

    /// <summary>The account's devices, read until they are <paramref name="expected"/> or 10 s have passed (a removal completes in the journal after the answer).</summary>
    private static async Task<List<string>> DevicesEventuallyAsync(ServerInstance server, MailboxUser user, string[] expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var devices = (await server.Admin().GetAsync($"/accounts/{user.Address}/devices")).AsArray()
                .Select(d => d!["deviceId"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            if (devices.SequenceEqual(expected) || DateTime.UtcNow > deadline) return devices;
            await Task.Delay(100);
        }
    }
}
