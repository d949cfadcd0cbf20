using System.Text.Json;
using Eas.Mail.Gal;

namespace Eas.Actors.Gal;

/// <summary>
/// The optional GAL entries file (<c>Eas:Gal:EntriesFile</c>): a JSON array of objects with the <see cref="GalEntry"/>
/// fields (<c>displayName</c>, <c>emailAddress</c>, <c>alias</c>, <c>firstName</c>, <c>lastName</c>, <c>company</c>,
/// <c>title</c>, <c>office</c>, <c>phone</c>, <c>mobilePhone</c>, <c>homePhone</c>), a <c>picture</c> that is a JPEG
/// file's path (relative to the entries file) or the JPEG in base64, and <c>certificates</c> in base64. The file is read
/// again when its time stamp or size changes; an unreadable file keeps the entries read last (and is an outage when
/// there are none yet).
/// </summary>
public sealed class GalEntriesFile(string path)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly Lock _gate = new();
    private (DateTime Written, long Length, IReadOnlyList<GalEntry> Entries)? _loaded;

    /// <summary>The entries as the file holds them now, sorted by display name.</summary>
    public IReadOnlyList<GalEntry> Current()
    {
        var info = new FileInfo(path);
        lock (_gate)
        {
            if (!info.Exists)
                return _loaded?.Entries ?? throw new DirectoryUnavailableException($"The GAL entries file {path} does not exist.");
            if (_loaded is { } loaded && loaded.Written == info.LastWriteTimeUtc && loaded.Length == info.Length) return loaded.Entries;
            try
            {
                var entries = Read(info);
                _loaded = (info.LastWriteTimeUtc, info.Length, entries);
                return entries;
            }
            catch (Exception e) when (e is IOException or JsonException or FormatException or UnauthorizedAccessException)
            {
                return _loaded?.Entries ?? throw new DirectoryUnavailableException($"The GAL entries file {path} cannot be read: {e.Message}", e);
            }
        }
    }

    private static List<GalEntry> Read(FileInfo info)
    {
        using var stream = info.OpenRead();
        var rows = JsonSerializer.Deserialize<List<Row>>(stream, Json) ?? [];
        return [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.EmailAddress))
            .Select(r => r.ToEntry(info.DirectoryName ?? "."))
            .OrderBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }

    private sealed record Row(
        string? DisplayName, string? EmailAddress, string? Alias, string? FirstName, string? LastName, string? Company, string? Title,
        string? Office, string? Phone, string? MobilePhone, string? HomePhone, string? Picture, List<string>? Certificates)
    {
        public GalEntry ToEntry(string folder) => new(string.IsNullOrWhiteSpace(DisplayName) ? EmailAddress! : DisplayName, EmailAddress!)
        {
            Alias = Alias,
            FirstName = FirstName,
            LastName = LastName,
            Company = Company,
            Title = Title,
            Office = Office,
            Phone = Phone,
            MobilePhone = MobilePhone,
            HomePhone = HomePhone,
            Picture = PictureBytes(folder),
            Certificates = [.. (Certificates ?? []).Select(Convert.FromBase64String)],
        };

        /// <summary>A picture is a file path when such a file exists, else base64.</summary>
        private byte[]? PictureBytes(string folder)
        {
            if (string.IsNullOrWhiteSpace(Picture)) return null;
            var file = Path.Combine(folder, Picture);
            return File.Exists(file) ? File.ReadAllBytes(file) : Convert.FromBase64String(Picture);
        }
    }
}
