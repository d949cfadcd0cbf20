using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>The Provision handshake (MS-ASPROV 3.1.5.1, 3.2.5.1) and policy-key enforcement, over real HTTP.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class ProvisionTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private EasTestClient Phone(string version, string deviceId) =>
        _server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, deviceId, version);

    [Theory]
    [InlineData("12.0")]
    [InlineData("12.1")]
    [InlineData("14.0")]
    [InlineData("14.1")]
    [InlineData("16.1")]
    public async Task Phase_one_sends_the_EASProvisionDoc_with_a_temporary_key(string version)
    {
        var phone = Phone(version, "P1v" + version.Replace(".", "", StringComparison.Ordinal));

        var response = await phone.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, version is "14.1" or "16.1"));

        response.Status.ShouldBe(HttpStatusCode.OK);
        var body = response.Body.ShouldNotBeNull();
        body.ValueOf(Provision.Status).ShouldBe("1");
        var policy = body.Element(Provision.Policies)!.Element(Provision.Policy)!;
        policy.ValueOf(Provision.PolicyType).ShouldBe(EasRequests.EasPolicyType);
        uint.Parse(policy.ValueOf(Provision.PolicyKey)!).ShouldBeGreaterThan(0u);
        var doc = policy.Element(Provision.Data)!.Element(Provision.EASProvisionDoc).ShouldNotBeNull();
        doc.ValueOf(Provision.DevicePasswordEnabled).ShouldBe("1");
        doc.ValueOf(Provision.MinDevicePasswordLength).ShouldBe("4");
        if (version is "14.1" or "16.1")
            body.Element(Settings.DeviceInformation).ShouldNotBeNull().ValueOf(Settings.Status).ShouldBe("1");
    }

    [Fact]
    public async Task Protocol_2_5_gets_the_wap_provisioning_document()
    {
        var response = await Phone("2.5", "P25a").PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.WapPolicyType));

        var policy = response.Body.ShouldNotBeNull().Element(Provision.Policies)!.Element(Provision.Policy)!;
        policy.ValueOf(Provision.PolicyType).ShouldBe(EasRequests.WapPolicyType);
        var data = policy.ValueOf(Provision.Data).ShouldNotBeNull();
        data.ShouldStartWith("<wap-provisioningdoc>");
        data.ShouldContain("<parm name=\"4131\" value=\"0\"/>");
        data.ShouldContain("<parm name=\"MinimumPasswordLength\" value=\"4\"/>");
    }

    [Theory]
    [InlineData("12.1")]
    [InlineData("14.1")]
    [InlineData("16.1")]
    public async Task The_handshake_yields_a_final_key_that_commands_then_need(string version)
    {
        var phone = Phone(version, "Hs" + version.Replace(".", "", StringComparison.Ordinal));
        var settings = EasRequests.SettingsWithDeviceInformation("Model", "OS");
        var modern = version is "14.1" or "16.1";

        var before = await phone.PostAsync("Settings", settings);
        if (modern) StatusOf(before).ShouldBe("142");
        else before.Status.ShouldBe((HttpStatusCode)449);

        var (temporary, final) = await phone.ProvisionAsync();
        final.ShouldNotBe(temporary);

        var allowed = await phone.PostAsync("Settings", settings);
        allowed.Status.ShouldBe(HttpStatusCode.OK);
        StatusOf(allowed).ShouldBe("1");

        phone.PolicyKey = null;
        var withoutKey = await phone.PostAsync("Settings", settings);
        phone.PolicyKey = temporary;
        var withOldKey = await phone.PostAsync("Settings", settings);
        if (modern)
        {
            StatusOf(withoutKey).ShouldBe("142");
            StatusOf(withOldKey).ShouldBe("144");
        }
        else
        {
            withoutKey.Status.ShouldBe((HttpStatusCode)449);
            withOldKey.Status.ShouldBe((HttpStatusCode)449);
        }
    }

    /// <summary>2.5 has no Settings: FolderSync shows the enforcement; a command not implemented is 501 once provisioned.</summary>
    [Fact]
    public async Task Protocol_2_5_is_sent_to_provision_with_449_and_passes_with_its_final_key()
    {
        var phone = Phone("2.5", "Hs25");
        var folderSync = MailRequests.FolderSync("0");

        (await phone.PostAsync("FolderSync", folderSync)).Status.ShouldBe((HttpStatusCode)449);
        (await phone.PostAsync("ValidateCert", null)).Status.ShouldBe((HttpStatusCode)449);
        var (temporary, final) = await phone.ProvisionAsync();

        var synced = await phone.PostAsync("FolderSync", folderSync);
        synced.Status.ShouldBe(HttpStatusCode.OK);
        synced.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        (await phone.PostAsync("ValidateCert", null)).Status.ShouldBe(HttpStatusCode.NotImplemented);
        phone.PolicyKey = temporary;
        (await phone.PostAsync("FolderSync", folderSync)).Status.ShouldBe((HttpStatusCode)449);
        final.ShouldNotBe(temporary);
    }

    [Fact]
    public async Task A_well_formed_body_that_is_not_a_valid_request_gets_the_protocol_error_status()
    {
        var phone = Phone("14.1", "Proto1");
        var wrongRoot = Eas.Wire.Wbxml.WbxmlElement.WithChildren(Settings.SettingsElement, new Eas.Wire.Wbxml.WbxmlElement(Settings.Oof));

        var response = await phone.PostAsync("Provision", wrongRoot);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Body!.Tag.ShouldBe(Provision.ProvisionElement);
        response.Body.ValueOf(Provision.Status).ShouldBe("2");
    }

    [Fact]
    public async Task A_resent_acknowledgement_gets_the_same_final_key()
    {
        var phone = Phone("14.1", "Resend1");
        var (temporary, final) = await phone.ProvisionAsync();

        phone.PolicyKey = temporary;
        var again = await phone.PostAsync("Provision", EasRequests.ProvisionAcknowledge(EasRequests.EasPolicyType, temporary));

        PhoneExtensions.PolicyKeyOf(again).ShouldBe(final);
    }

    [Fact]
    public async Task Acknowledging_a_key_that_was_not_issued_is_policy_status_5()
    {
        var phone = Phone("14.1", "Mismatch1");
        await phone.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, withDeviceInformation: true));

        var response = await phone.PostAsync("Provision", EasRequests.ProvisionAcknowledge(EasRequests.EasPolicyType, 12345));

        response.Body!.Element(Provision.Policies)!.Element(Provision.Policy)!.ValueOf(Provision.Status).ShouldBe("5");
    }

    [Fact]
    public async Task A_policy_type_that_does_not_fit_the_version_is_policy_status_3()
    {
        var response = await Phone("14.1", "Type1").PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.WapPolicyType, withDeviceInformation: true));

        response.Body!.Element(Provision.Policies)!.Element(Provision.Policy)!.ValueOf(Provision.Status).ShouldBe("3");
    }

    [Fact]
    public async Task Settings_records_the_device_and_answers_the_users_address()
    {
        var phone = Phone("14.1", "Info1");
        await phone.ProvisionAsync();

        var response = await phone.PostAsync("Settings", EasRequests.SettingsWithDeviceInformation("Pixel 8", "Android 15"));

        var body = response.Body.ShouldNotBeNull();
        body.Element(Settings.DeviceInformation)!.ValueOf(Settings.Status).ShouldBe("1");
        var get = body.Element(Settings.UserInformation)!.Element(Settings.Get).ShouldNotBeNull();
        get.ToString().ShouldContain("mike@ox.io");
    }

    private static string? StatusOf(EasResponse response) => response.Body.ShouldNotBeNull().ValueOf(Settings.Status);
}
