namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// contacts:Children (MS-ASCNTC 2.2.2.21, up to 300 contacts:Child) as one <c>RELATED;TYPE=child;VALUE=text</c> per child
/// (RFC 6350 6.6.6), in order; read also from 3.0's <c>X-CHILD</c>, Outlook's <c>X-MS-CHILD</c> and Apple's
/// <c>X-ABRELATEDNAMES</c> labelled "Child", "Son" or "Daughter".
/// </summary>
internal sealed class ChildrenMap : IContactPropertyMap
{
    /// <summary>The most contacts:Child elements a Children element has (MS-ASCNTC 2.2.2.22).</summary>
    public const int MaxChildren = 300;

    private const string Slot = "CHILDREN";

    public void Read(ContactCardBinding binding)
    {
        var children = new List<string>();
        foreach (var (index, property) in ContactVCardMaps.Related(binding, "child", "X-CHILD", ["X-MS-CHILD"], ["Child", "Son", "Daughter"]).ToList())
        {
            if (children.Count == MaxChildren) break;
            children.Add(property.Text.Trim());
            binding.Claim(index, Slot);
        }

        if (children.Count > 0 && binding.Item.Children.IsEmpty) binding.Item = binding.Item with { Children = [.. children] };
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields) =>
        item.Children.Select(child => (Slot, ContactVCardMaps.RelatedText("child", child)));
}
