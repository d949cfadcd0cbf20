using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.Settings;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class ProvisionTests
{
    [Fact]
    public void The_initial_14_1_request_carries_device_information()
    {
        var request = ProvisionRequest.Parse(CommandCorpus.Get("Provision", "request-14.1-initial.xml").Tree(), V141);

        request.DeviceInformation!.Model.ShouldBe("iPhone16,2");
        request.Policy.ShouldBe(new ProvisionPolicyRequest(ProvisionVersionRules.EasProvisioningWbxml));
        request.Policy!.IsAcknowledgement.ShouldBeFalse();
    }

    [Fact]
    public void An_acknowledgement_carries_key_and_status()
    {
        var request = ProvisionRequest.Parse(CommandCorpus.Get("Provision", "request-12.1-acknowledge.xml").Tree(), V121);

        request.Policy.ShouldBe(new ProvisionPolicyRequest(ProvisionVersionRules.EasProvisioningWbxml) { PolicyKey = 1307199584, Status = PolicyAcknowledgement.Applied });
        request.Policy!.IsAcknowledgement.ShouldBeTrue();
    }

    [Fact]
    public void A_wipe_acknowledgement_needs_no_policy()
    {
        ProvisionRequest.Parse(CommandCorpus.Get("Provision", "request-14.0-wipe-acknowledge.xml").Tree(), V140)
            .RemoteWipe.ShouldBe(RemoteWipeAcknowledgement.Succeeded);
    }

    [Fact]
    public void Device_information_is_rejected_before_14_1()
    {
        Rejects(() => ProvisionRequest.Parse(CommandCorpus.Get("Provision", "request-14.1-initial.xml").Tree(), V140), "Settings:DeviceInformation");
    }

    [Fact]
    public void An_account_only_wipe_acknowledgement_is_16_1_only()
    {
        const string xml = "<Provision xmlns=\"Provision:\"><AccountOnlyRemoteWipe><Status>2</Status></AccountOnlyRemoteWipe></Provision>";
        ProvisionRequest.Parse(Xml(xml), V161).AccountOnlyRemoteWipe.ShouldBe(RemoteWipeAcknowledgement.Failed);
        Rejects(() => ProvisionRequest.Parse(Xml(xml), V160), "Provision:AccountOnlyRemoteWipe");
    }

    [Theory]
    [InlineData("", "Provision:Policies")]
    [InlineData("<Policies/>", "Provision:Policies")]
    [InlineData("<Policies><Policy><PolicyKey>1</PolicyKey></Policy></Policies>", "Provision:PolicyType")]
    [InlineData("<Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>1</PolicyKey></Policy></Policies>", "Provision:Status")]
    [InlineData("<Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><Status>1</Status></Policy></Policies>", "Provision:PolicyKey")]
    [InlineData("<Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>4294967296</PolicyKey><Status>1</Status></Policy></Policies>", "Provision:PolicyKey")]
    [InlineData("<Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>1</PolicyKey><Status>5</Status></Policy></Policies>", "Provision:Status")]
    [InlineData("<RemoteWipe/>", "Provision:RemoteWipe")]
    [InlineData("<RemoteWipe><Status>3</Status></RemoteWipe>", "Provision:Status")]
    [InlineData("<Status>1</Status>", "Provision:Status")]
    public void Malformed_requests_name_the_element(string children, string element) =>
        Rejects(() => ProvisionRequest.Parse(Xml($"<Provision xmlns=\"Provision:\">{children}</Provision>"), V141), element);

    [Theory]
    [InlineData("2.5", ProvisionVersionRules.WapProvisioningXml)]
    [InlineData("12.0", ProvisionVersionRules.EasProvisioningWbxml)]
    [InlineData("16.1", ProvisionVersionRules.EasProvisioningWbxml)]
    public void The_policy_type_follows_the_version(string version, string policyType) =>
        ProvisionVersionRules.PolicyTypeFor(Version(version)).ShouldBe(policyType);

    [Fact]
    public void The_writer_leaves_out_what_the_version_lacks()
    {
        var response = new ProvisionResponse(ProvisionStatus.Success)
        {
            DeviceInformationStatus = SettingsStatus.Success,
            AccountOnlyRemoteWipe = true,
            Policy = new ProvisionPolicyResponse(ProvisionVersionRules.EasProvisioningWbxml, PolicyStatus.Success)
            {
                PolicyKey = 7,
                WapProvisioningDoc = "<wap-provisioningdoc/>",
            },
        };

        DocumentAssert.Same(CorpusTypedTests.Write(w => response.Write(w, V140)), Xml("""
            <Provision xmlns="Provision:"><Status>1</Status>
              <Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><Status>1</Status><PolicyKey>7</PolicyKey></Policy></Policies>
            </Provision>
            """), "14.0: no DeviceInformation, no string Data, no AccountOnlyRemoteWipe");
        DocumentAssert.Same(CorpusTypedTests.Write(w => response.Write(w, V161)), Xml("""
            <Provision xmlns="Provision:" xmlns:settings="Settings:"><settings:DeviceInformation><settings:Status>1</settings:Status></settings:DeviceInformation><Status>1</Status>
              <Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><Status>1</Status><PolicyKey>7</PolicyKey></Policy></Policies>
              <AccountOnlyRemoteWipe/>
            </Provision>
            """), "16.1");
    }
}
