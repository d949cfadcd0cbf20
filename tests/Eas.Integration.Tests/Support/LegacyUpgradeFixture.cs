using System.Diagnostics;
using System.Text.Json;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// An install upgraded from a version before 2026-12 (before the Akka.NET journal): <c>Fixtures/LegacyState</c> holds
/// what the old build (git <c>7b26be1^</c>) left after a phone provisioned, ran FolderSync and synced INBOX to a key: its
/// <c>eas-state.db</c>, the account's maildir with its <c>dovecot-uidlist</c> (so UIDVALIDITY and UIDs are the ones the
/// old state names) and the keys the phone holds (<c>phone.json</c>). This fixture puts the maildir under the
/// collection's Dovecot, the file into a fresh data directory, and starts this version's server on it once per class.
/// </summary>
public sealed class LegacyUpgradeFixture(DovecotFixture dovecot) : IAsyncLifetime
{
    private static readonly string Source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "LegacyState");

    internal ServerInstance Server { get; private set; } = null!;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal LegacyPhoneKeys Keys { get; } = JsonSerializer.Deserialize<LegacyPhoneKeys>(File.ReadAllText(Path.Combine(Source, "phone.json")), Json)!;

    public async Task InitializeAsync()
    {
        dovecot.Dovecot.AddUser(Keys.User, Keys.Password);
        var mailRoot = Path.Combine(Path.GetDirectoryName(dovecot.Dovecot.ConfigPath)!, "mail");
        var home = Path.Combine(mailRoot, Keys.User);
        Directory.CreateDirectory(home);
        await RunAsync("cp", "-a", Path.Combine(Source, "Maildir"), Path.Combine(home, "Maildir"));
        foreach (var folder in new[] { "Maildir", "Maildir/.Drafts", "Maildir/.Junk", "Maildir/.Sent", "Maildir/.Trash" })
        {
            foreach (var part in new[] { "cur", "new", "tmp" }) Directory.CreateDirectory(Path.Combine(home, folder, part));
        }

        await RunAsync("chown", "-R", "--reference=" + mailRoot, home);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "eas-it-legacy-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        File.Copy(Path.Combine(Source, "eas-state.db"), Path.Combine(dataDirectory, "eas-state.db"));
        Server = await ServerInstance.StartAsync(dovecot, dataDirectory, AdminClient.RootArgs);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {error}");
    }
}

/// <summary>What the phone held when the old server stopped (<c>phone.json</c>).</summary>
internal sealed record LegacyPhoneKeys(
    string User, string Password, string DeviceId, string Version, string PolicyKey, string FolderSyncKey, string InboxId, string InboxSyncKey, string[] ServerIds);
