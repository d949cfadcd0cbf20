using Eas.Actors.OutOfOffice;
using Eas.Wire.Commands.Settings;

namespace Eas.Actors.Tests.OutOfOffice;

/// <summary>Which Oof Set requests are valid, how they merge, how a Get is answered (MS-ASCMD 2.2.3.122 and its children).</summary>
public sealed class OofRulesTests
{
    private static readonly DateTime Start = new(2026, 12, 24, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void MS_ASCMD_2_2_3_149_a_ReplyMessage_without_BodyType_is_a_protocol_error()
    {
        var set = new OofSettings { OofState = OofState.Global, Messages = [new OofMessage(OofAudience.Internal) { Enabled = true, ReplyMessage = "x" }] };

        OofRules.Check(set, OofRules.Nothing).ShouldBe(SettingsStatus.ProtocolError);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_17_a_BodyType_other_than_Text_or_HTML_is_invalid()
    {
        var set = new OofSettings { Messages = [new OofMessage(OofAudience.Internal) { ReplyMessage = "x", BodyType = "RTF" }] };

        OofRules.Check(set, OofRules.Nothing).ShouldBe(SettingsStatus.InvalidArguments);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_123_one_audience_twice_is_invalid()
    {
        var set = new OofSettings { Messages = [new OofMessage(OofAudience.Internal), new OofMessage(OofAudience.Internal)] };

        OofRules.Check(set, OofRules.Nothing).ShouldBe(SettingsStatus.InvalidArguments);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    [InlineData(true, -1)]
    public void MS_ASCMD_2_2_3_124_a_time_window_needs_both_ends_in_order(bool withEnd, int hours)
    {
        var set = new OofSettings { OofState = OofState.TimeBased, StartTime = Start, EndTime = withEnd ? Start.AddHours(hours) : null };

        OofRules.Check(set, OofRules.Nothing).ShouldBe(SettingsStatus.InvalidArguments);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_124_a_valid_time_window_passes()
    {
        var set = new OofSettings { OofState = OofState.TimeBased, StartTime = Start, EndTime = Start.AddDays(3) };

        OofRules.Check(set, OofRules.Nothing).ShouldBeNull();
    }

    [Fact]
    public void MS_ASCMD_2_2_3_122_a_Set_keeps_what_it_does_not_name()
    {
        var stored = new OofSettings
        {
            OofState = OofState.Global,
            Messages = [new OofMessage(OofAudience.Internal) { Enabled = true, ReplyMessage = "In", BodyType = "Text" }, new OofMessage(OofAudience.ExternalUnknown) { Enabled = true, ReplyMessage = "Out", BodyType = "Text" }],
        };
        var set = new OofSettings { OofState = OofState.Disabled, Messages = [new OofMessage(OofAudience.ExternalUnknown) { Enabled = false }] };

        var merged = OofRules.Merge(stored, set);

        merged.OofState.ShouldBe(OofState.Disabled);
        merged.Messages.ShouldBe([stored.Messages[0], stored.Messages[1] with { Enabled = false }]);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_17_a_Get_answers_in_the_body_type_it_asks_for()
    {
        var stored = new OofSettings
        {
            OofState = OofState.Global,
            Messages = [new OofMessage(OofAudience.Internal) { Enabled = true, ReplyMessage = "<p>Away &amp; back</p>", BodyType = "HTML" }, new OofMessage(OofAudience.ExternalUnknown) { Enabled = true, ReplyMessage = "a < b\nline", BodyType = "Text" }],
        };

        var asText = OofRules.ForGet(stored, "Text");
        var asHtml = OofRules.ForGet(stored, "HTML");

        asText.Messages[0].ReplyMessage!.Trim().ShouldBe("Away & back");
        asText.Messages[0].BodyType.ShouldBe("Text");
        asHtml.Messages[1].ReplyMessage.ShouldBe("a &lt; b<br>\r\nline");
        asHtml.Messages[1].BodyType.ShouldBe("HTML");
        asHtml.Messages[0].ShouldBe(stored.Messages[0]);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_124_nothing_stored_reads_as_off()
    {
        OofRules.ForGet(OofRules.Nothing, "Text").OofState.ShouldBe(OofState.Disabled);
    }
}
