using System.Net;
using Eas.Actors.Devices;
using Eas.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Integration.Tests;

/// <summary>What the server told a phone survives a restart: the phone keeps working without re-provisioning.</summary>
[Collection(DovecotCollection.Name)]
public sealed class RestartTests(DovecotFixture dovecot)
{
    [Fact]
    public async Task A_provisioned_device_keeps_its_policy_key_and_information_across_a_restart()
    {
        var first = await ServerInstance.StartAsync(dovecot);
        var phone = first.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Restart1", "14.1");
        var (_, final) = await phone.ProvisionAsync();
        (await phone.PostAsync("Settings", EasRequests.SettingsWithDeviceInformation("Lumia 950", "Windows 10"))).Status.ShouldBe(HttpStatusCode.OK);
        await first.DisposeAsync();

        await using var second = await ServerInstance.StartAsync(dovecot, first.DataDirectory);
        var again = second.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Restart1", "14.1");
        again.PolicyKey = final;

        var response = await again.PostAsync("Settings", EasRequests.SettingsWithDeviceInformation("Lumia 950", "Windows 10"));

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Body!.ValueOf(Eas.Wire.CodePages.Settings.Status).ShouldBe("1");
        var state = await second.Services.GetRequiredService<DeviceRegion>().GetStateAsync("mike@ox.io", "Restart1", TimeSpan.FromSeconds(10));
        state.ShouldNotBeNull().PolicyKey.ShouldBe(final);
        state.Information!.Model.ShouldBe("Lumia 950");
        state.ProtocolVersion.ShouldBe("14.1");
    }
}
