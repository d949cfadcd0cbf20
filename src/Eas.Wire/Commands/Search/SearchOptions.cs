using System.Collections.Immutable;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Search;

/// <summary>The Options of a Search (MS-ASCMD 2.2.3.125.5); every element is optional.</summary>
public sealed record SearchOptions
{
    /// <summary>The rows asked for, zero-based and inclusive (search:Range, 2.2.3.143.3, "m-n"); null for the default, 0-99 for both the mailbox and the GAL.</summary>
    public SearchRange? Range { get; init; }

    /// <summary>search:UserName for a document library (2.2.3.191.2).</summary>
    public string? UserName { get; init; }

    /// <summary>search:Password for a document library (2.2.3.130.2).</summary>
    public string? Password { get; init; }

    /// <summary>search:DeepTraversal (2.2.3.43.2): the folder named by CollectionId and all its subfolders.</summary>
    public bool DeepTraversal { get; init; }

    /// <summary>search:RebuildResults (2.2.3.145): the client asks for fresh results rather than cached ones.</summary>
    public bool RebuildResults { get; init; }

    /// <summary>search:Schema (2.2.3.158.3), a legacy element: which properties to return; kept as sent.</summary>
    public WbxmlElement? Schema { get; init; }

    /// <summary>search:Picture (2.2.3.135.3), 14.1+: return the GAL entries' pictures, within its limits.</summary>
    public SearchPictureOptions? Picture { get; init; }

    /// <summary>airsync:MIMESupport (2.2.3.110.3).</summary>
    public SyncMimeSupport? MimeSupport { get; init; }

    /// <summary>airsyncbase:BodyPreference elements (MS-ASAIRS 2.2.2.12), in request order.</summary>
    public ImmutableArray<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>airsyncbase:BodyPartPreference elements (MS-ASAIRS 2.2.2.11), 14.1+.</summary>
    public ImmutableArray<BodyPreference> BodyPartPreferences { get; init; } = [];

    /// <summary>rm:RightsManagementSupport (MS-ASRM 2.2.2.15), 14.1+.</summary>
    public bool? RightsManagementSupport { get; init; }
}

/// <summary>search:Picture options (MS-ASCMD 2.2.3.135.3): the largest picture in bytes, and the most pictures in one response.</summary>
public sealed record SearchPictureOptions(long? MaxSize, int? MaxPictures);

/// <summary>A zero-based inclusive row range, <c>m-n</c> (MS-ASCMD 2.2.3.143.3).</summary>
public readonly record struct SearchRange(int Start, int End)
{
    /// <summary>The text form, <c>0-9</c>.</summary>
    public override string ToString() => $"{Start}-{End}";

    /// <summary>Reads <c>m-n</c> with m ≤ n, both non-negative decimal integers.</summary>
    public static bool TryParse(string text, out SearchRange range)
    {
        range = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0) return false;
        if (!int.TryParse(text.AsSpan(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start)) return false;
        if (!int.TryParse(text.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var end)) return false;
        if (end < start) return false;
        range = new SearchRange(start, end);
        return true;
    }
}
