namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// contacts:Categories (MS-ASCNTC 2.2.2.19, up to 300 contacts:Category) as one CATEGORIES (RFC 6350 6.7.1), a comma
/// list whose values escape their own commas. Several CATEGORIES properties are read as one list, duplicates dropped.
/// </summary>
internal sealed class CategoriesMap : IContactPropertyMap
{
    /// <summary>The most contacts:Category elements a Categories element has (MS-ASCNTC 2.2.2.20).</summary>
    public const int MaxCategories = 300;

    public void Read(ContactCardBinding binding)
    {
        var categories = new List<string>();
        foreach (var (index, property) in binding.Unclaimed("CATEGORIES").ToList())
        {
            foreach (var category in property.ListValues.Select(c => c.Trim()).Where(c => c.Length > 0))
                if (categories.Count < MaxCategories && !categories.Contains(category, StringComparer.Ordinal)) categories.Add(category);
            binding.Claim(index, "CATEGORIES");
        }

        if (categories.Count > 0) binding.Item = binding.Item with { Categories = [.. categories] };
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        if (item.Categories.IsEmpty) yield break;
        yield return ("CATEGORIES", new VCardProperty("CATEGORIES", string.Join(',', item.Categories.Select(VCardText.Escape))));
    }
}
