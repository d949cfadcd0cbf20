using System.Globalization;

namespace Eas.Actors.Devices;

/// <summary>An ItemOperations Range, <c>first-last</c> in bytes, both inclusive (MS-ASCMD 2.2.3.142.1).</summary>
internal static class ByteRange
{
    public static bool TryParse(string text, out (long Offset, long Length) range)
    {
        range = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || last < first)
            return false;
        range = (first, last - first + 1);
        return true;
    }
}
