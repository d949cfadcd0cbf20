using Eas.Wire.Http;

namespace Eas.Wire.Tests.Http;

public class EasCommandsTests
{
    // MS-ASHTTP 2.2.1.1.1.1.2; Find (16.1) takes 23.
    [Theory]
    [InlineData("Sync", 0)]
    [InlineData("SendMail", 1)]
    [InlineData("SmartForward", 2)]
    [InlineData("SmartReply", 3)]
    [InlineData("GetAttachment", 4)]
    [InlineData("FolderSync", 9)]
    [InlineData("FolderCreate", 10)]
    [InlineData("FolderDelete", 11)]
    [InlineData("FolderUpdate", 12)]
    [InlineData("MoveItems", 13)]
    [InlineData("GetItemEstimate", 14)]
    [InlineData("MeetingResponse", 15)]
    [InlineData("Search", 16)]
    [InlineData("Settings", 17)]
    [InlineData("Ping", 18)]
    [InlineData("ItemOperations", 19)]
    [InlineData("Provision", 20)]
    [InlineData("ResolveRecipients", 21)]
    [InlineData("ValidateCert", 22)]
    [InlineData("Find", 23)]
    public void Names_and_codes_follow_the_spec_table(string name, byte code)
    {
        EasCommands.TryParseName(name, out var byName).ShouldBeTrue();
        EasCommands.TryFromCode(code, out var byCode).ShouldBeTrue();

        byName.ShouldBe(byCode);
        byName.ToWireName().ShouldBe(name);
        byName.ToCode().ShouldBe(code);
    }

    [Fact]
    public void All_lists_every_command_once() =>
        EasCommands.All.ShouldBe(Enum.GetValues<EasCommand>(), ignoreOrder: false);

    [Theory]
    [InlineData("foldersync", EasCommand.FolderSync)]
    [InlineData("PING", EasCommand.Ping)]
    [InlineData("itemOperations", EasCommand.ItemOperations)]
    public void Names_match_ignoring_case_and_report_the_canonical_name(string sent, EasCommand expected)
    {
        EasCommands.TryParseName(sent, out var command).ShouldBeTrue();
        command.ShouldBe(expected);
        command.ToWireName().ShouldBe(expected.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("18")]
    [InlineData("Sync,Ping")]
    [InlineData("GetHierarchy")]
    [InlineData("Autodiscover")]
    [InlineData(" Sync")]
    public void Numbers_lists_and_legacy_names_are_not_commands(string sent) =>
        EasCommands.TryParseName(sent, out _).ShouldBeFalse();

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(24)]
    [InlineData(255)]
    public void Unassigned_codes_are_not_commands(byte code) => EasCommands.TryFromCode(code, out _).ShouldBeFalse();
}
