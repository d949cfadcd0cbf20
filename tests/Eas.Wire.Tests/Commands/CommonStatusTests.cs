using Eas.Wire.Commands;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class CommonStatusTests
{
    [Theory]
    [InlineData(CommonStatus.InvalidContent, 101)]
    [InlineData(CommonStatus.ServerError, 110)]
    [InlineData(CommonStatus.UserDisabledForSync, 126)]
    [InlineData(CommonStatus.DeviceNotProvisioned, 142)]
    [InlineData(CommonStatus.PolicyRefresh, 143)]
    [InlineData(CommonStatus.InvalidPolicyKey, 144)]
    [InlineData(CommonStatus.MoveCommandInvalidDestinationFolder, 156)]
    [InlineData(CommonStatus.AvailabilityTooManyRecipients, 160)]
    [InlineData(CommonStatus.MaximumDevicesReached, 177)]
    public void Common_statuses_have_the_spec_values(CommonStatus status, int value) => ((int)status).ShouldBe(value);

    [Fact]
    public void The_common_statuses_are_101_to_177_without_157_to_159()
    {
        var values = Enum.GetValues<CommonStatus>().Select(s => (int)s).ToList();
        values.ShouldBe(Enumerable.Range(101, 77).Where(v => v is < 157 or > 159));
    }

    [Fact]
    public void A_common_status_goes_into_the_command_status_by_cast()
    {
        DocumentAssert.Same(CorpusTypedTests.Write(w => new PingResponse((PingStatus)CommonStatus.DeviceNotProvisioned).Write(w, V141)),
            Xml("<Ping xmlns=\"Ping:\"><Status>142</Status></Ping>"), "Ping");
    }

    [Fact]
    public void A_status_only_response_has_the_spec_bytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(buffer);
        StatusOnlyResponse.Write(writer, EasCommand.FolderSync, (int)CommonStatus.DeviceNotProvisioned);

        // SWITCH_PAGE 7; FolderSync (0x16 | 0x40); Status (0x0C | 0x40) "142"; END; END.
        Convert.ToHexString(buffer.WrittenSpan).ShouldBe("03016A00" + "0007" + "56" + "4C0331343200" + "01" + "01");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_177_10_MoveItems_carries_a_status_only_response_and_GetAttachment_does_not()
    {
        DocumentAssert.Same(CorpusTypedTests.Write(w => new StatusOnlyResponse(EasCommand.MoveItems, (int)CommonStatus.InvalidCombinationOfIDs).Write(w, V141)),
            Xml("<MoveItems xmlns=\"Move:\"><Status>105</Status></MoveItems>"), "MoveItems");
        Should.Throw<ArgumentException>(() => StatusOnlyResponse.Write(new WbxmlWriter(new System.Buffers.ArrayBufferWriter<byte>()), EasCommand.GetAttachment, 1));
    }

    [Theory]
    [InlineData(EasCommand.Sync, "2.5", 4)]
    [InlineData(EasCommand.FolderSync, "14.1", 10)]
    [InlineData(EasCommand.FolderCreate, "12.1", 10)]
    [InlineData(EasCommand.Ping, "16.1", 4)]
    [InlineData(EasCommand.ItemOperations, "12.0", 2)]
    [InlineData(EasCommand.Settings, "14.0", 2)]
    [InlineData(EasCommand.Provision, "12.1", 2)]
    [InlineData(EasCommand.GetItemEstimate, "14.0", 103)]
    [InlineData(EasCommand.SendMail, "16.0", 103)]
    [InlineData(EasCommand.GetItemEstimate, "12.1", null)]
    [InlineData(EasCommand.MoveItems, "14.1", 103)]
    [InlineData(EasCommand.MoveItems, "12.1", null)]
    [InlineData(EasCommand.GetAttachment, "14.1", null)]
    public void Each_command_maps_a_format_error_to_its_protocol_error_status(EasCommand command, string version, int? status) =>
        ProtocolErrorStatus.For(command, Version(version)).ShouldBe(status);

    [Theory]
    [InlineData(EasCommand.MoveItems, "14.0", 105)]
    [InlineData(EasCommand.SendMail, "16.1", 105)]
    [InlineData(EasCommand.Sync, "14.1", 4)]
    [InlineData(EasCommand.MoveItems, "12.1", null)]
    public void MS_ASCMD_2_2_2_a_missing_required_element_is_105_where_the_command_has_no_protocol_error_of_its_own(EasCommand command, string version, int? status) =>
        ProtocolErrorStatus.For(command, Version(version), missingElement: true).ShouldBe(status);

    [Theory]
    [InlineData(EasCommand.Sync, "14.0", 102)]
    [InlineData(EasCommand.MoveItems, "16.1", 102)]
    [InlineData(EasCommand.Sync, "12.1", null)]
    [InlineData(EasCommand.GetAttachment, "14.1", null)]
    public void MS_ASCMD_2_2_2_invalid_WBXML_is_102_from_14_0_and_HTTP_400_before(EasCommand command, string version, int? status) =>
        ProtocolErrorStatus.ForInvalidWbxml(command, Version(version)).ShouldBe(status);

    [Theory]
    [InlineData("Cmd=FolderSync&DeviceId=abcdefghijklmnopqrstuvwxyz0123456&DeviceType=T", "14.1", 108)]
    [InlineData("Cmd=Sync&DeviceId=a.b&DeviceType=T", "16.0", 108)]
    [InlineData("Cmd=Sync&DeviceType=T", "14.0", 108)]
    [InlineData("DeviceId=&DeviceType=T&Cmd=Sync", "14.1", 108)]
    [InlineData("Cmd=Sync&DeviceId=A1&DeviceType=", "14.1", 109)]
    [InlineData("Cmd=Ping&DeviceId=A1", "14.1", 109)]
    [InlineData("Cmd=FolderSync&DeviceId=abcdefghijklmnopqrstuvwxyz0123456&DeviceType=T", "12.1", null)]
    [InlineData("Cmd=GetAttachment&DeviceId=a.b&DeviceType=T", "14.1", null)]
    public void MS_ASCMD_2_2_2_a_refused_request_line_that_named_its_command_and_version_gets_a_common_status(string query, string version, int? status)
    {
        var refusal = Should.Throw<EasRequestException>(() => EasRequestLineParser.Parse(query, name => name == EasHeaderNames.ProtocolVersion ? version : null));

        ProtocolErrorStatus.ForRequestLine(refusal).ShouldBe(status);
    }

    [Fact]
    public void A_request_line_refused_before_its_command_is_known_stays_HTTP_400()
    {
        var refusal = Should.Throw<EasRequestException>(() => EasRequestLineParser.Parse("Cmd=Nope&DeviceId=a.b&DeviceType=T", _ => "14.1"));

        refusal.Command.ShouldBeNull();
        ProtocolErrorStatus.ForRequestLine(refusal).ShouldBeNull();
    }

    [Fact]
    public void Every_command_with_a_protocol_error_status_can_write_it()
    {
        foreach (var command in Enum.GetValues<EasCommand>())
        {
            if (ProtocolErrorStatus.For(command, ProtocolVersion.V161) is not null)
                StatusOnlyResponse.TryGetTags(command, out _, out _).ShouldBeTrue(command.ToString());
        }

        ((int)SyncStatus.ProtocolError).ShouldBe(4);
    }
}
