namespace Eas.Actors.Sync.Email;

/// <summary>The size tables behind the 2.5 truncation codes; see <see cref="EmailEncodingOptions"/>.</summary>
internal static class LegacyTruncation
{
    private static readonly long?[] TextLimits = [0, 512, 1024, 2048, 5120, 10240, 20480, 51200, 102400, null];
    private static readonly long?[] MimeLimits = [0, 4096, 5120, 7168, 10240, 20480, 51200, 102400, null];

    /// <summary>The character limit of an airsync:Truncation code; null for no limit.</summary>
    public static long? TextLimit(int? code) => Lookup(TextLimits, code, "airsync:Truncation");

    /// <summary>The limit of an airsync:MIMETruncation code; null for no limit.</summary>
    public static long? MimeLimit(int? code) => Lookup(MimeLimits, code, "airsync:MIMETruncation");

    private static long? Lookup(long?[] table, int? code, string element)
    {
        if (code is not { } index) return null;
        if (index < 0 || index >= table.Length)
            throw new ArgumentOutOfRangeException(nameof(code), index, $"{element} takes 0 to {table.Length - 1}.");
        return table[index];
    }
}
