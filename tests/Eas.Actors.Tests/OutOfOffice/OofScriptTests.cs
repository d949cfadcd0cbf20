using Eas.Actors.OutOfOffice;
using Eas.Wire.Commands.Settings;

namespace Eas.Actors.Tests.OutOfOffice;

/// <summary>The Sieve script that carries out-of-office settings (MS-ASCMD 2.2.3.122; RFC 5230 vacation, RFC 5260 currentdate).</summary>
public sealed class OofScriptTests
{
    private const string Address = "mike@ox.io";

    private static OofMessage Message(OofAudience audience, string text, string bodyType = "Text", bool enabled = true) =>
        new(audience) { Enabled = enabled, ReplyMessage = text, BodyType = bodyType };

    private static OofSettings Global(params OofMessage[] messages) => new() { OofState = OofState.Global, Messages = [.. messages] };

    private static void ShouldRoundTrip(OofSettings settings)
    {
        var read = OofScript.Read(OofScript.Write(settings, Address)).ShouldNotBeNull();
        read.OofState.ShouldBe(settings.OofState);
        read.StartTime.ShouldBe(settings.StartTime);
        read.EndTime.ShouldBe(settings.EndTime);
        read.Messages.ShouldBe(settings.Messages);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_124_OofState_0_keeps_the_messages_but_answers_nobody()
    {
        var settings = new OofSettings { OofState = OofState.Disabled, Messages = [Message(OofAudience.Internal, "Away")] };

        var script = OofScript.Write(settings, Address);

        script.ShouldNotContain("vacation");
        ShouldRoundTrip(settings);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_123_internal_and_external_senders_get_their_own_reply()
    {
        var settings = Global(Message(OofAudience.Internal, "Inside"), Message(OofAudience.ExternalUnknown, "Outside"));

        var script = OofScript.Write(settings, Address);

        script.ShouldContain("require [\"vacation\", \"envelope\"];");
        script.ShouldContain("if envelope :domain :is \"from\" \"ox.io\" {\r\n    vacation :days 1 :subject \"Automatic reply\" :addresses [\"mike@ox.io\"] \"Inside\";\r\n} else {\r\n    vacation :days 1 :subject \"Automatic reply\" :addresses [\"mike@ox.io\"] \"Outside\";\r\n}");
        ShouldRoundTrip(settings);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_14_only_internal_senders()
    {
        var script = OofScript.Write(Global(Message(OofAudience.Internal, "Inside"), Message(OofAudience.ExternalUnknown, "Outside", enabled: false)), Address);

        script.ShouldContain("if envelope :domain :is \"from\" \"ox.io\" {");
        script.ShouldNotContain("Outside\";");
        script.ShouldNotContain("else");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_13_only_external_senders()
    {
        var script = OofScript.Write(Global(Message(OofAudience.ExternalUnknown, "Outside")), Address);

        script.ShouldContain("if not envelope :domain :is \"from\" \"ox.io\" {");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_12_known_external_alone_answers_no_one_because_Sieve_cannot_see_contacts()
    {
        var settings = Global(Message(OofAudience.ExternalKnown, "Friends only"));

        var script = OofScript.Write(settings, Address);

        script.ShouldNotContain("vacation :days");
        ShouldRoundTrip(settings);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_124_OofState_2_answers_only_between_StartTime_and_EndTime_in_UTC()
    {
        var settings = new OofSettings
        {
            OofState = OofState.TimeBased,
            StartTime = new DateTime(2026, 12, 24, 8, 0, 0, DateTimeKind.Utc),
            EndTime = new DateTime(2027, 1, 2, 18, 30, 0, DateTimeKind.Utc),
            Messages = [Message(OofAudience.Internal, "Holidays")],
        };

        var script = OofScript.Write(settings, Address);

        script.ShouldContain("require [\"vacation\", \"envelope\", \"date\", \"relational\"];");
        script.ShouldContain("currentdate :zone \"+0000\" :value \"ge\" \"iso8601\" \"2026-12-24T08:00:00\"");
        script.ShouldContain("currentdate :zone \"+0000\" :value \"lt\" \"iso8601\" \"2027-01-02T18:30:00\"");
        ShouldRoundTrip(settings);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_17_an_HTML_reply_goes_as_a_MIME_entity()
    {
        var settings = Global(Message(OofAudience.Internal, "<p>Away</p>", "HTML"));

        var script = OofScript.Write(settings, Address);

        script.ShouldContain(":mime \"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Away</p>\";");
        ShouldRoundTrip(settings);
    }

    [Fact]
    public void RFC_5228_2_4_2_quotes_and_backslashes_are_escaped_and_Get_returns_the_text_exactly()
    {
        var settings = Global(Message(OofAudience.Internal, "Say \"hi\" to C:\\temp\nnext line; } { vacation \"x\";"));

        var script = OofScript.Write(settings, Address);

        script.ShouldContain("\"Say \\\"hi\\\" to C:\\\\temp\r\nnext line; } { vacation \\\"x\\\";\";");
        ShouldRoundTrip(settings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("require \"vacation\";\r\nvacation \"x\";\r\n")]
    [InlineData("# eas-oof-settings: not base64!\r\n")]
    [InlineData("# eas-oof-settings: bm90IGpzb24=\r\n")]
    public void A_script_without_readable_settings_reads_as_none(string script) =>
        OofScript.Read(script).ShouldBeNull();
}
