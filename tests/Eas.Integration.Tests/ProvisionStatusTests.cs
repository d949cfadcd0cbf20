using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>
/// MS-ASPROV 3.1.5.2 over real HTTP, with devices that cannot be provisioned not allowed: a provisioned device that then
/// sends a command without X-MS-PolicyKey is 141 (HTTP 449 up to 12.1); a key of 0 is still 142, a stale key 144.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class ProvisionStatusTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, "--Eas:Provisioning:AllowNonProvisionableDevices=false");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASPROV_3_1_5_2_a_provisioned_device_without_a_key_is_141_a_zero_key_142_and_a_stale_key_144()
    {
        var phone = _server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Prov141", "14.1");
        var (temporary, _) = await phone.ProvisionAsync();
        var folderSync = MailRequests.FolderSync("0");

        phone.PolicyKey = null;
        var withoutKey = await phone.PostAsync("FolderSync", folderSync);
        phone.PolicyKey = 0;
        var zeroKey = await phone.PostAsync("FolderSync", folderSync);
        phone.PolicyKey = temporary;
        var staleKey = await phone.PostAsync("FolderSync", folderSync);

        withoutKey.Status.ShouldBe(HttpStatusCode.OK);
        withoutKey.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("141");
        zeroKey.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("142");
        staleKey.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("144");
    }

    [Fact]
    public async Task MS_ASPROV_3_1_5_2_up_to_12_1_the_same_device_is_told_449()
    {
        var phone = _server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Prov449", "12.1");
        await phone.ProvisionAsync();

        phone.PolicyKey = null;
        var withoutKey = await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"));

        withoutKey.Status.ShouldBe((HttpStatusCode)449);
    }

    [Fact]
    public async Task A_device_never_provisioned_is_142_as_before()
    {
        var phone = _server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Prov142", "14.1");

        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("142");
    }
}
