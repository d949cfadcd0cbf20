using Eas.Actors.Licensing;
using Eas.Host.Options;

namespace Eas.Host.Admin;

/// <summary>Turns <c>Eas:License</c> into the terms the license actor enforces; a bad license stops the start with the reason.</summary>
internal static class LicenseTermsReader
{
    public const string CountKey = "ActiveSyncMailboxCount";

    public static LicenseTerms Read(LicenseOptions options)
    {
        if (options.File is { Length: > 0 } path)
        {
            if (options.ActiveSyncMailboxCount is not null)
                throw new InvalidOperationException("Set Eas:License:File or Eas:License:ActiveSyncMailboxCount, not both.");
            return LicenseTerms.Licensed(CountFromFile(path), Path.GetFullPath(path));
        }

        if (options.ActiveSyncMailboxCount is { } count)
        {
            if (count < 0) throw new InvalidOperationException($"Eas:License:{CountKey} must be 0 or more, not {count}.");
            return LicenseTerms.Licensed(count, "configuration");
        }

        return LicenseTerms.Trial;
    }

    private static int CountFromFile(string path)
    {
        if (!System.IO.File.Exists(path)) throw new InvalidOperationException($"The license file {path} does not exist.");
        foreach (var raw in System.IO.File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var equals = line.IndexOf('=');
            if (equals < 0 || !line[..equals].Trim().Equals(CountKey, StringComparison.OrdinalIgnoreCase)) continue;
            if (int.TryParse(line[(equals + 1)..].Trim(), out var count) && count >= 0) return count;
            throw new InvalidOperationException($"The license file {path} has an invalid {CountKey}: '{line[(equals + 1)..].Trim()}'.");
        }

        throw new InvalidOperationException($"The license file {path} has no {CountKey}=N line.");
    }
}
