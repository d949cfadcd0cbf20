using Eas.Mail.Gal;

namespace Eas.Actors.Gal;

/// <summary>
/// Which entries a GAL query names (the <see cref="IGalDirectory.SearchAsync"/> contract): the display name, a word of
/// it, the first or last name, the alias or the e-mail address starts with the query, ignoring case.
/// </summary>
public static class GalMatching
{
    public static bool Matches(GalEntry entry, string query)
    {
        if (query.Length == 0) return false;
        return Starts(entry.DisplayName, query) || Starts(entry.FirstName, query) || Starts(entry.LastName, query)
            || Starts(entry.Alias, query) || Starts(entry.EmailAddress, query)
            || entry.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => Starts(word, query));
    }

    private static bool Starts(string? value, string query) => value is not null && value.StartsWith(query, StringComparison.OrdinalIgnoreCase);
}
