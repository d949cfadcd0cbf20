using System.Text;

namespace Eas.Mail.Gal.Ldap;

/// <summary>
/// Search filters in the string form of RFC 4515, built so that what a phone typed can only ever be a value: every
/// character RFC 4515 section 3 reserves in an assertion value (<c>*</c>, <c>(</c>, <c>)</c>, <c>\</c> and NUL) is
/// written as a backslash and two hex digits, so <c>*(</c> typed into a To line searches for those two characters
/// and never widens or breaks the filter.
/// </summary>
public static class LdapFilter
{
    /// <summary>The value escaped for an assertion (RFC 4515 section 3, <c>valueencoding</c>).</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '*' => escaped.Append(@"\2a"),
                '(' => escaped.Append(@"\28"),
                ')' => escaped.Append(@"\29"),
                '\\' => escaped.Append(@"\5c"),
                '\0' => escaped.Append(@"\00"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary><c>(attribute=value*)</c>: a substring filter with an initial part only; an empty value is a presence test.</summary>
    public static string Prefix(string attribute, string value) => $"({attribute}={Escape(value)}*)";

    /// <summary><c>(attribute=value)</c>: an equality filter.</summary>
    public static string Equal(string attribute, string value) => $"({attribute}={Escape(value)})";

    /// <summary><c>(|…)</c> of the given filters; one filter is returned as it is.</summary>
    public static string Any(IEnumerable<string> filters)
    {
        var list = filters.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 1 ? list[0] : $"(|{string.Concat(list)})";
    }

    /// <summary><c>(&amp;base filter)</c>: the configured base filter and the query's own.</summary>
    public static string Both(string baseFilter, string filter) =>
        string.IsNullOrWhiteSpace(baseFilter) ? filter : $"(&{Parenthesized(baseFilter.Trim())}{filter})";

    private static string Parenthesized(string filter) => filter.StartsWith('(') ? filter : $"({filter})";
}
