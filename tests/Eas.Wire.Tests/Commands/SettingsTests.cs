using Eas.Wire.Commands.Settings;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class SettingsTests
{
    [Fact]
    public void A_14_1_request_reads_every_part()
    {
        var request = SettingsRequest.Parse(CommandCorpus.Get("Settings", "request-14.1-get-all.xml").Tree(), V141);

        request.OofGetBodyType.ShouldBe("Text");
        request.DeviceInformation.ShouldBe(new DeviceInformation
        {
            Model = "Pixel 8", Imei = "356938035643809", FriendlyName = "Lan's phone", OS = "Android 15", OSLanguage = "de-DE",
            PhoneNumber = "+49 30 1234567", UserAgent = "Android-Mail/2025.06", EnableOutboundSms = false, MobileOperator = "Telekom.de",
        });
        request.GetUserInformation.ShouldBeTrue();
        request.GetRightsManagementInformation.ShouldBeTrue();
    }

    [Fact]
    public void An_oof_set_reads_times_and_messages()
    {
        var request = SettingsRequest.Parse(CommandCorpus.Get("Settings", "request-12.1-oof-set.xml").Tree(), V121);

        var oof = request.OofSet!;
        oof.OofState.ShouldBe(OofState.TimeBased);
        oof.StartTime.ShouldBe(new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        oof.StartTime!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        oof.EndTime.ShouldBe(new DateTime(2025, 7, 15, 0, 0, 0, DateTimeKind.Utc));
        oof.Messages.ShouldBe([
            new OofMessage(OofAudience.Internal) { Enabled = true, ReplyMessage = "Back on 15 July.", BodyType = "Text" },
            new OofMessage(OofAudience.ExternalUnknown) { Enabled = false },
        ]);
        request.DevicePassword.ShouldBe("4711");
    }

    [Theory]
    [InlineData("request-14.1-get-all.xml", "14.0", "Settings:RightsManagementInformation")]
    [InlineData("request-14.1-get-all.xml", "12.1", "Settings:EnableOutboundSMS")]
    [InlineData("request-12.1-oof-set.xml", "2.5", "Settings:Settings")]
    public void Version_rules_reject_what_the_version_lacks(string file, string version, string element) =>
        Rejects(() => SettingsRequest.Parse(CommandCorpus.Get("Settings", file).Tree(), Version(version)), element);

    [Theory]
    [InlineData("<Oof/>", "Settings:Oof")]
    [InlineData("<Oof><Get/></Oof>", "Settings:Get")]
    [InlineData("<Oof><Get><BodyType>Text</BodyType></Get><Set><OofState>0</OofState></Set></Oof>", "Settings:Set")]
    [InlineData("<Oof><Set><OofState>3</OofState></Set></Oof>", "Settings:OofState")]
    [InlineData("<Oof><Set><StartTime>July 1st</StartTime></Set></Oof>", "Settings:StartTime")]
    [InlineData("<Oof><Set><OofMessage><Enabled>1</Enabled></OofMessage></Set></Oof>", "Settings:OofMessage")]
    [InlineData("<Oof><Set><OofMessage><AppliesToInternal/><AppliesToExternalKnown/></OofMessage></Set></Oof>", "Settings:AppliesToExternalKnown")]
    [InlineData("<DevicePassword><Password>1</Password></DevicePassword>", "Settings:Password")]
    [InlineData("<DeviceInformation><Set><Model>a</Model><Model>b</Model></Set></DeviceInformation>", "Settings:Model")]
    [InlineData("<DeviceInformation><Set><Status>1</Status></Set></DeviceInformation>", "Settings:Status")]
    [InlineData("<UserInformation><Get><SMTPAddress>a</SMTPAddress></Get></UserInformation>", "Settings:Get")]
    [InlineData("<UserInformation><Get/></UserInformation><UserInformation><Get/></UserInformation>", "Settings:UserInformation")]
    public void Malformed_requests_name_the_element(string children, string element) =>
        Rejects(() => SettingsRequest.Parse(Xml($"<Settings xmlns=\"Settings:\">{children}</Settings>"), V141), element);

    [Fact]
    public void Before_14_1_user_information_is_a_flat_address_list_and_rights_management_is_left_out()
    {
        var response = new SettingsResponse(SettingsStatus.Success)
        {
            RightsManagementInformation = new SettingsRightsManagementResult(SettingsStatus.Success),
            UserInformation = new SettingsUserInformationResult(SettingsStatus.Success)
            {
                Accounts = [new SettingsAccount { AccountId = "1", UserDisplayName = "Lan", PrimarySmtpAddress = "a@x.org", SmtpAddresses = ["b@x.org"] }],
            },
        };

        DocumentAssert.Same(CorpusTypedTests.Write(w => response.Write(w, V140)), Xml("""
            <Settings xmlns="Settings:"><Status>1</Status>
              <UserInformation><Status>1</Status><Get><EmailAddresses><SMTPAddress>a@x.org</SMTPAddress><SMTPAddress>b@x.org</SMTPAddress></EmailAddresses></Get></UserInformation>
            </Settings>
            """), "14.0");
        DocumentAssert.Same(CorpusTypedTests.Write(w => response.Write(w, V141)), Xml("""
            <Settings xmlns="Settings:"><Status>1</Status>
              <RightsManagementInformation><Status>1</Status></RightsManagementInformation>
              <UserInformation><Status>1</Status><Get><Accounts><Account><AccountId>1</AccountId><UserDisplayName>Lan</UserDisplayName>
                <EmailAddresses><SMTPAddress>b@x.org</SMTPAddress><PrimarySmtpAddress>a@x.org</PrimarySmtpAddress></EmailAddresses>
              </Account></Accounts></Get></UserInformation>
            </Settings>
            """), "14.1");
    }
}
