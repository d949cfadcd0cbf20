namespace Eas.Mail.Mime;

/// <summary>
/// Zone names found in Date fields: the obsolete zones RFC 5322 section 4.3 defines (UT, GMT and the North
/// American ones), the one-letter military zones it says to read as -0000, and abbreviations that are not in
/// any RFC but that mailers write and that have one common meaning.
/// </summary>
internal static class MimeDateZones
{
    private static readonly Dictionary<string, TimeSpan> Names = new(StringComparer.Ordinal)
    {
        ["ut"] = TimeSpan.Zero, ["utc"] = TimeSpan.Zero, ["gmt"] = TimeSpan.Zero, ["z"] = TimeSpan.Zero,
        ["est"] = TimeSpan.FromHours(-5), ["edt"] = TimeSpan.FromHours(-4),
        ["cst"] = TimeSpan.FromHours(-6), ["cdt"] = TimeSpan.FromHours(-5),
        ["mst"] = TimeSpan.FromHours(-7), ["mdt"] = TimeSpan.FromHours(-6),
        ["pst"] = TimeSpan.FromHours(-8), ["pdt"] = TimeSpan.FromHours(-7),
        ["akst"] = TimeSpan.FromHours(-9), ["akdt"] = TimeSpan.FromHours(-8), ["hst"] = TimeSpan.FromHours(-10),
        ["wet"] = TimeSpan.Zero, ["west"] = TimeSpan.FromHours(1), ["bst"] = TimeSpan.FromHours(1),
        ["cet"] = TimeSpan.FromHours(1), ["cest"] = TimeSpan.FromHours(2), ["met"] = TimeSpan.FromHours(1),
        ["mest"] = TimeSpan.FromHours(2), ["eet"] = TimeSpan.FromHours(2), ["eest"] = TimeSpan.FromHours(3),
        ["msk"] = TimeSpan.FromHours(3), ["hkt"] = TimeSpan.FromHours(8), ["sgt"] = TimeSpan.FromHours(8),
        ["jst"] = TimeSpan.FromHours(9), ["kst"] = TimeSpan.FromHours(9), ["aest"] = TimeSpan.FromHours(10),
        ["aedt"] = TimeSpan.FromHours(11), ["nzst"] = TimeSpan.FromHours(12), ["nzdt"] = TimeSpan.FromHours(13),
    };

    /// <summary>The offset for a lower-case zone name; a military letter yields zero.</summary>
    public static bool TryGet(string name, out TimeSpan offset)
    {
        if (name.Length == 1 && char.IsAsciiLetterLower(name[0]))
        {
            offset = TimeSpan.Zero;
            return true;
        }

        return Names.TryGetValue(name, out offset);
    }
}
