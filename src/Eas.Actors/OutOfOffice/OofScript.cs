using System.Globalization;
using System.Text;
using System.Text.Json;
using Eas.Wire.Commands.Settings;

namespace Eas.Actors.OutOfOffice;

/// <summary>
/// The Sieve script (RFC 5228) that carries a user's out-of-office settings, kept under the name
/// <see cref="ScriptName"/>. Its first lines are comments, one of which holds the EAS settings exactly as stored
/// (JSON, base64), so a Get answers what the last Set stored, whatever the rules below look like. The rules:
/// <list type="bullet">
/// <item>OofState 0 (2.2.3.124): no rules; the messages stay stored for the next Get.</item>
/// <item>OofState 1: the replies below always; 2: only while <c>currentdate</c> (RFC 5260 section 5) is at or after
/// StartTime and before EndTime, compared in UTC as ISO 8601 text.</item>
/// <item>Internal (2.2.3.14): the envelope sender's domain is the account's domain (RFC 5228 section 5.4,
/// <c>envelope :domain</c>). External: any other sender. Sieve cannot see the user's contacts, so "known" and
/// "unknown" senders (2.2.3.12, 2.2.3.13) cannot be told apart: external senders get the ExternalUnknown reply when
/// it is enabled, and none when only ExternalKnown is, so a reply never reaches a stranger the user did not mean
/// to answer. Exchange itself requires both external messages to be the same (MS-ASCMD 2.2.3.123, note 11).</item>
/// <item>Each reply is <c>vacation</c> (RFC 5230) with <c>:days 1</c>, a fixed <c>:subject</c>, <c>:addresses</c>
/// naming the account's address, and for HTML <c>:mime</c> with a text/html entity.</item>
/// </list>
/// </summary>
public static class OofScript
{
    /// <summary>The name of the script that holds the out-of-office rules.</summary>
    public const string ScriptName = "eas-oof";

    /// <summary>The subject of every reply.</summary>
    public const string ReplySubject = "Automatic reply";

    private const string SettingsMarker = "# eas-oof-settings: ";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the script for <paramref name="settings"/> of the account <paramref name="address"/> (<c>local@domain</c>).</summary>
    public static string Write(OofSettings settings, string address)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append("\r\n");
        Line("# Out of office, written by the ActiveSync server from the phone's Settings Oof (MS-ASCMD 2.2.3.122).");
        Line("# It is replaced at every change on the phone; the line below is what the phone set.");
        Line(SettingsMarker + Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(Stored.From(settings), Json)));
        if (!OofRules.AnswersAnyone(settings)) return text.ToString();

        var timeBased = settings.OofState == OofState.TimeBased;
        Line(timeBased ? "require [\"vacation\", \"envelope\", \"date\", \"relational\"];" : "require [\"vacation\", \"envelope\"];");
        var indent = "";
        if (timeBased)
        {
            Line($"if allof (currentdate :zone \"+0000\" :value \"ge\" \"iso8601\" \"{Iso(settings.StartTime!.Value)}\",");
            Line($"          currentdate :zone \"+0000\" :value \"lt\" \"iso8601\" \"{Iso(settings.EndTime!.Value)}\") {{");
            indent = "    ";
        }

        var domain = address[(address.LastIndexOf('@') + 1)..];
        var messages = OofRules.Messages(settings).Where(message => message.Enabled == true).ToDictionary(message => message.Audience);
        var internalReply = messages.GetValueOrDefault(OofAudience.Internal);
        var externalReply = messages.GetValueOrDefault(OofAudience.ExternalUnknown);
        var isInternal = $"envelope :domain :is \"from\" {Quoted(domain)}";
        if (internalReply is not null && externalReply is not null)
        {
            Line($"{indent}if {isInternal} {{");
            Line($"{indent}    {Vacation(internalReply, address)}");
            Line($"{indent}}} else {{");
            Line($"{indent}    {Vacation(externalReply, address)}");
            Line($"{indent}}}");
        }
        else if ((internalReply ?? externalReply) is { } only)
        {
            Line($"{indent}if {(only == internalReply ? "" : "not ")}{isInternal} {{");
            Line($"{indent}    {Vacation(only, address)}");
            Line($"{indent}}}");
        }

        if (timeBased) Line("}");
        return text.ToString();
    }

    /// <summary>The settings a script written by <see cref="Write"/> holds; null when it holds none that can be read.</summary>
    public static OofSettings? Read(string script)
    {
        foreach (var line in script.Split('\n'))
        {
            if (!line.StartsWith(SettingsMarker, StringComparison.Ordinal)) continue;
            try
            {
                return JsonSerializer.Deserialize<Stored>(Convert.FromBase64String(line[SettingsMarker.Length..].TrimEnd('\r')), Json)?.ToSettings();
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                return null;
            }
        }

        return null;
    }

    private static string Vacation(OofMessage message, string address)
    {
        var text = (message.ReplyMessage ?? "").ReplaceLineEndings("\r\n");
        var html = OofBodyType.Parse(message.BodyType) == OofBodyType.Html;
        var reason = html ? $"Content-Type: text/html; charset=utf-8\r\n\r\n{text}" : text;
        return $"vacation :days 1 :subject {Quoted(ReplySubject)} :addresses [{Quoted(address)}]{(html ? " :mime" : "")} {Quoted(reason)};";
    }

    /// <summary>A Sieve quoted string (RFC 5228 section 2.4.2): backslash and double quote escaped; line breaks may stand in it.</summary>
    public static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Iso(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The stored form of the settings: our own shape, so a change to the Wire records never orphans a script.</summary>
    private sealed record Stored(int State, DateTime? Start, DateTime? End, StoredMessage[] Messages)
    {
        public static Stored From(OofSettings settings) => new(
            (int)(settings.OofState ?? OofState.Disabled), settings.StartTime, settings.EndTime,
            [.. OofRules.Messages(settings).Select(message => new StoredMessage(message.Audience.ToString(), message.Enabled, message.ReplyMessage, message.BodyType))]);

        public OofSettings ToSettings() => new()
        {
            OofState = Enum.IsDefined((OofState)State) ? (OofState)State : OofState.Disabled,
            StartTime = Start is { } start ? DateTime.SpecifyKind(start, DateTimeKind.Utc) : null,
            EndTime = End is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : null,
            Messages = [.. (Messages ?? []).Where(message => Enum.TryParse<OofAudience>(message.Audience, out _))
                .Select(message => new OofMessage(Enum.Parse<OofAudience>(message.Audience)) { Enabled = message.Enabled, ReplyMessage = message.Reply, BodyType = message.BodyType })],
        };
    }

    private sealed record StoredMessage(string Audience, bool? Enabled, string? Reply, string? BodyType);
}
