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
    public void MoveItems_has_no_status_only_response()
    {
        StatusOnlyResponse.TryGetTags(EasCommand.MoveItems, out _, out _).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => StatusOnlyResponse.Write(new WbxmlWriter(new System.Buffers.ArrayBufferWriter<byte>()), EasCommand.MoveItems, 1));
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
    [InlineData(EasCommand.MoveItems, "14.1", null)]
    public void Each_command_maps_a_format_error_to_its_protocol_error_status(EasCommand command, string version, int? status) =>
        ProtocolErrorStatus.For(command, Version(version)).ShouldBe(status);

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
