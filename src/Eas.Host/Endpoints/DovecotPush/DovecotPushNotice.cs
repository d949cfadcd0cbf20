using System.Collections.Immutable;
using System.Text.Json;

namespace Eas.Host.Endpoints.DovecotPush;

/// <summary>
/// One post of config/dovecot/eas-push.lua: the Dovecot user whose mail transaction committed and its events,
/// <c>{"user":"mike@ox.io","events":[{"event":"MessageAppend","mailbox":"INBOX"},
/// {"event":"MailboxRename","mailbox":"New","oldMailbox":"Old"}]}</c>. Events of a kind this server does not know
/// are skipped, so a script that forwards more stays accepted; anything else out of shape is refused whole.
/// </summary>
internal sealed record DovecotPushNotice(string User, ImmutableArray<(DovecotPushEvent Event, string Mailbox, string? OldMailbox)> Events)
{
    /// <summary>The most events one post may carry (the script sends each kind and mailbox once per transaction).</summary>
    public const int MaxEvents = 1000;

    /// <summary>The longest user or mailbox name taken, in characters.</summary>
    public const int MaxNameLength = 1024;

    /// <summary>Every mailbox the events name, the old name of a renamed one included, each once.</summary>
    public ImmutableArray<string> Mailboxes =>
        [.. Events.SelectMany(e => e.OldMailbox is null ? [e.Mailbox] : new[] { e.Mailbox, e.OldMailbox }).Distinct(StringComparer.Ordinal)];

    /// <summary>Reads a post; null with <paramref name="problem"/> saying why when it is not one.</summary>
    public static DovecotPushNotice? Parse(ReadOnlySpan<byte> body, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 4 });
            using var document = JsonDocument.ParseValue(ref reader);
            return Read(document.RootElement, out problem);
        }
        catch (JsonException e)
        {
            problem = $"not JSON: {e.Message}";
            return null;
        }
    }

    private static DovecotPushNotice? Read(JsonElement root, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object) return Refuse("the body is not a JSON object", out problem);
        if (Name(root, "user") is not { } user) return Refuse("\"user\" is missing, empty, too long or not a string", out problem);
        if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array) return Refuse("\"events\" is missing or not an array", out problem);
        if (events.GetArrayLength() is 0 or > MaxEvents) return Refuse($"\"events\" holds {events.GetArrayLength()} events, not 1 to {MaxEvents}", out problem);
        var read = ImmutableArray.CreateBuilder<(DovecotPushEvent, string, string?)>();
        foreach (var item in events.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Name(item, "event") is not { } name || Name(item, "mailbox") is not { } mailbox)
                return Refuse("an event lacks \"event\" or \"mailbox\"", out problem);
            string? old = null;
            if (item.TryGetProperty("oldMailbox", out _) && (old = Name(item, "oldMailbox")) is null) return Refuse("an \"oldMailbox\" is empty, too long or not a string", out problem);
            if (Enum.TryParse<DovecotPushEvent>(name, ignoreCase: false, out var kind) && Enum.IsDefined(kind)) read.Add((kind, mailbox, old));
        }

        return new DovecotPushNotice(user, read.ToImmutable());
    }

    /// <summary>A property that is a non-empty string of printable characters within <see cref="MaxNameLength"/>.</summary>
    private static string? Name(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= MaxNameLength } text && !text.Any(char.IsControl)
            ? text
            : null;

    private static DovecotPushNotice? Refuse(string why, out string? problem)
    {
        problem = why;
        return null;
    }
}
