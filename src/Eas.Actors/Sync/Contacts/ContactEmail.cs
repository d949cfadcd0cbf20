namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The EAS form of contacts:Email1Address..Email3Address (MS-ASCNTC 2.2.2.27-29): an address, or a display form
/// <c>"Anna Berg" &lt;anna@example.com&gt;</c> as phones send it (<see cref="ContactAddressing"/>).
/// </summary>
internal readonly record struct ContactEmail(string? Name, string Address)
{
    /// <summary>Splits a display form; a plain address has no name.</summary>
    public static ContactEmail Parse(string text)
    {
        var trimmed = text.Trim();
        var open = trimmed.LastIndexOf('<');
        var close = trimmed.LastIndexOf('>');
        if (open < 0 || close < open) return new ContactEmail(null, trimmed);
        var name = trimmed[..open].Trim().Trim('"').Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        return new ContactEmail(name.Length == 0 ? null : name, trimmed[(open + 1)..close].Trim());
    }
}
