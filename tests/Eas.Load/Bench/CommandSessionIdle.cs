using System.Text.Json;

namespace Eas.Load.Bench;

/// <summary>
/// How long the server keeps an account's IMAP command session open without a command (<c>Eas:Imap:CommandSessionIdleSeconds</c>,
/// docs/ARCHITECTURE.md): the value the bench gives the server, else the server's own setting in the
/// <c>appsettings.json</c> (and <c>appsettings.Production.json</c>, which wins) beside its dll, else its built-in
/// default. After this long with only Pings parked, an account holds no command session (the server's safety net in
/// webhook mode opens it again for a moment every <c>Eas:Push:SafetyNetSeconds</c>).
/// </summary>
internal static class CommandSessionIdle
{
    /// <summary>The server's built-in default (MailboxActorSettings.DefaultCommandSessionIdle, two minutes).</summary>
    public const int DefaultSeconds = 120;

    private static readonly string[] SettingsFiles = ["appsettings.json", "appsettings.Production.json"];

    /// <summary>The idle time the server at <paramref name="serverDll"/> runs with, and where it came from.</summary>
    public static (int Seconds, string Source) Of(string serverDll, int? given)
    {
        if (given is { } seconds) return (seconds, "--command-session-idle-seconds");
        (int Seconds, string Source) found = (DefaultSeconds, "the server's built-in default");
        foreach (var name in SettingsFiles)
        {
            var path = Path.Combine(Path.GetDirectoryName(serverDll) ?? ".", name);
            if (File.Exists(path) && FromAppSettings(File.ReadAllText(path)) is { } configured) found = (configured, path);
        }

        return found;
    }

    /// <summary>
    /// <c>Eas:Imap:CommandSessionIdleSeconds</c> of an appsettings document (section names matched without regard to
    /// case, as .NET configuration does); null when it is not there or the document is not JSON.
    /// </summary>
    public static int? FromAppSettings(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var element = document.RootElement;
            foreach (var name in new[] { "Eas", "Imap", "CommandSessionIdleSeconds" })
            {
                if (element.ValueKind != JsonValueKind.Object) return null;
                var property = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (property.Value.ValueKind == JsonValueKind.Undefined) return null;
                element = property.Value;
            }

            return element.ValueKind switch
            {
                JsonValueKind.Number when element.TryGetInt32(out var seconds) => seconds,
                JsonValueKind.String when int.TryParse(element.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) => seconds,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
