using System.Collections.Immutable;
using System.Net;
using Eas.Actors.Sync.Email.Reading;
using Eas.Wire.Commands.Settings;

namespace Eas.Actors.OutOfOffice;

/// <summary>
/// The pure rules of Settings Oof (MS-ASCMD 2.2.3.122): which Set requests are valid, how a Set merges into what is
/// stored (an audience or a time the phone leaves out keeps its stored value), and how stored settings are answered
/// to a Get in the body type it asks for.
/// </summary>
public static class OofRules
{
    /// <summary>The settings of an account that never set any: off, no messages.</summary>
    public static readonly OofSettings Nothing = new() { OofState = OofState.Disabled };

    /// <summary>
    /// The status a Set earns before anything is stored, or null when it is valid: a ReplyMessage without its
    /// BodyType breaks a MUST of 2.2.3.149 (ProtocolError); a BodyType other than Text or HTML (2.2.3.17), one
    /// audience twice (2.2.3.123), or a time-based OOF (OofState 2, 2.2.3.124) without both times or ending before
    /// it starts is InvalidArguments.
    /// </summary>
    public static SettingsStatus? Check(OofSettings set, OofSettings stored)
    {
        foreach (var message in Messages(set))
        {
            if (message.ReplyMessage is not null && message.BodyType is null) return SettingsStatus.ProtocolError;
            if (message.BodyType is not null && OofBodyType.Parse(message.BodyType) is null) return SettingsStatus.InvalidArguments;
        }

        if (Messages(set).GroupBy(message => message.Audience).Any(group => group.Count() > 1)) return SettingsStatus.InvalidArguments;
        var merged = Merge(stored, set);
        if (merged.OofState == OofState.TimeBased && (merged.StartTime is not { } start || merged.EndTime is not { } end || end <= start))
            return SettingsStatus.InvalidArguments;
        return null;
    }

    /// <summary>What is stored after a valid Set: each element the phone sent replaces the stored one, the rest stay.</summary>
    public static OofSettings Merge(OofSettings stored, OofSettings set)
    {
        var messages = Messages(stored).ToDictionary(message => message.Audience);
        foreach (var message in Messages(set))
        {
            var before = messages.GetValueOrDefault(message.Audience) ?? new OofMessage(message.Audience);
            messages[message.Audience] = before with
            {
                Enabled = message.Enabled ?? before.Enabled,
                ReplyMessage = message.ReplyMessage ?? before.ReplyMessage,
                BodyType = OofBodyType.Parse(message.BodyType) ?? before.BodyType,
            };
        }

        return new OofSettings
        {
            OofState = set.OofState ?? stored.OofState ?? OofState.Disabled,
            StartTime = set.StartTime ?? stored.StartTime,
            EndTime = set.EndTime ?? stored.EndTime,
            Messages = [.. messages.Values.OrderBy(message => message.Audience)],
        };
    }

    /// <summary>
    /// The Get answer (2.2.3.83): the stored state and times, and one OofMessage per audience that has settings, its
    /// text converted to the requested body type (HTML to text as mail bodies are; text to HTML escaped, line breaks
    /// as &lt;br&gt;).
    /// </summary>
    public static OofSettings ForGet(OofSettings stored, string? bodyType)
    {
        var wanted = OofBodyType.Parse(bodyType);
        return stored with
        {
            OofState = stored.OofState ?? OofState.Disabled,
            Messages = [.. Messages(stored).Select(message => Convert(message, wanted))],
        };
    }

    /// <summary>Whether any audience would get a reply while the state is on.</summary>
    public static bool AnswersAnyone(OofSettings settings) =>
        settings.OofState is OofState.Global or OofState.TimeBased && Messages(settings).Any(message => message.Enabled == true);

    public static ImmutableArray<OofMessage> Messages(OofSettings settings) => settings.Messages.IsDefault ? [] : settings.Messages;

    private static OofMessage Convert(OofMessage message, string? wanted)
    {
        var stored = OofBodyType.Parse(message.BodyType) ?? OofBodyType.Text;
        if (wanted is null || message.ReplyMessage is not { } text || wanted == stored) return message with { BodyType = message.ReplyMessage is null ? message.BodyType : stored };
        var converted = wanted == OofBodyType.Text
            ? HtmlToText.Convert(text)
            : WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>\r\n");
        return message with { ReplyMessage = converted, BodyType = wanted };
    }
}
