using System.Net;
using Eas.Integration.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Eas.Integration.Tests;

/// <summary>
/// MS-ASHTTP 3.2.5.1.1 over real HTTP: a device that changes its User-Agent a third time within 24 hours is
/// refused with 503 for 14 hours, across a restart, shown to admins (device list, <c>eas-server admin devices</c>,
/// the stats of <c>top</c>), and let in again when the clock has moved past the block; the setting turns it off.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class UserAgentChangeTests(DovecotFixture dovecot)
{
    [Fact]
    public async Task MS_ASHTTP_3_2_5_1_1_a_third_change_within_24_hours_is_refused_for_14_hours_across_a_restart()
    {
        var clock = new ShiftedClock();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "eas-it-ua-" + Guid.NewGuid().ToString("N")[..8]);
        void UseClock(WebApplicationBuilder builder) => builder.Services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(clock);
        var user = MailboxUser.Create(dovecot, "uachg");
        SyncingPhone phone;

        await using (var server = await ServerInstance.StartAsync(dovecot, dataDirectory, UseClock, AdminClient.RootArgs))
        {
            phone = await SyncingPhone.StartAsync(server, user, "14.1", "UaPhone1");
            (await FolderSyncAsAsync(phone, "Agent/B")).Status.ShouldBe(HttpStatusCode.OK);
            (await FolderSyncAsAsync(phone, "Agent/C")).Status.ShouldBe(HttpStatusCode.OK);

            var refused = await FolderSyncAsAsync(phone, "Agent/D");
            var again = await FolderSyncAsAsync(phone, "Agent/D");

            refused.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter!.Delta!.Value.TotalHours.ShouldBeInRange(13.9, 14.0);
            refused.Headers.Contains("X-MS-ASThrottle").ShouldBeFalse();
            again.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);

            var device = (await server.Admin().GetAsync($"/accounts/{user.Address}/devices")).AsArray().Single()!;
            device["userAgent"]!.GetValue<string>().ShouldBe("Agent/D");
            device["blockedUntil"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(13.9));
            (await CliRun.OkAsync(server, "admin", "devices", user.Address)).ShouldContain("User-Agent changes, until");
            var looping = (await server.Admin().GetAsync("/stats"))["looping"]!.AsArray();
            looping.Select(d => d!["reason"]!.GetValue<string>()).ShouldContain(r => r.Contains("User-Agent changed 3 times", StringComparison.Ordinal));
        }

        await using (var server = await ServerInstance.StartAsync(dovecot, dataDirectory, UseClock, AdminClient.RootArgs))
        {
            phone = Restarted(server, user, phone);
            (await FolderSyncAsAsync(phone, "Agent/D")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable, "the block is an event of the device");

            clock.Offset = TimeSpan.FromHours(14) + TimeSpan.FromMinutes(1);
            (await FolderSyncAsAsync(phone, "Agent/D")).Status.ShouldBe(HttpStatusCode.OK, "the block is over");
        }
    }

    [Fact]
    public async Task MS_ASHTTP_3_2_5_1_1_the_limit_can_be_turned_off()
    {
        await using var server = await ServerInstance.StartAsync(dovecot, null, "--Eas:Requests:MaxUserAgentChanges=0");
        var user = MailboxUser.Create(dovecot, "uaoff");
        var phone = await SyncingPhone.StartAsync(server, user, "14.1", "UaOff1");

        foreach (var agent in new[] { "Agent/B", "Agent/C", "Agent/D", "Agent/E" })
            (await FolderSyncAsAsync(phone, agent)).Status.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<EasResponse> FolderSyncAsAsync(SyncingPhone phone, string userAgent)
    {
        phone.Client.UserAgent = userAgent;
        return phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));
    }

    /// <summary>The same phone, after the server restarted: same device, same policy key, same hierarchy key.</summary>
    private static SyncingPhone Restarted(ServerInstance server, MailboxUser user, SyncingPhone before)
    {
        var client = server.Phone(user.Address, user.Password, before.Client.DeviceId, before.Version);
        client.PolicyKey = before.Client.PolicyKey;
        var phone = new SyncingPhone(client);
        phone.SetHierarchyKey(before.HierarchyKey);
        return phone;
    }
}
