namespace Eas.Mail.Pim.CalDav;

/// <summary>
/// A collection id of the CalDAV store. A calendar collection that holds one mapped kind (RFC 4791 5.2.3) has its
/// path segment as id (<c>calendar</c>). One that holds several is listed once per kind, each a view of its own that
/// sees only the members holding that component: <c>&lt;segment&gt;/&lt;component&gt;</c> (<c>personal/VEVENT</c>,
/// <c>personal/VTODO</c>). A slash cannot occur in a segment, so the two forms never collide.
/// </summary>
/// <param name="Segment">The collection's path segment under the calendar home.</param>
/// <param name="Component">The component the view filters on, or null for a collection of one kind.</param>
internal readonly record struct CalDavCollectionId(string Segment, string? Component)
{
    private const char ViewMark = '/';

    public bool IsView => Component is not null;

    public override string ToString() => Component is null ? Segment : Segment + ViewMark + Component;

    /// <summary>Reads an id this store gave; anything else is refused with <see cref="ArgumentException"/>.</summary>
    public static CalDavCollectionId Parse(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var mark = id.IndexOf(ViewMark, StringComparison.Ordinal);
        if (mark < 0) return new CalDavCollectionId(id, null);
        var component = id[(mark + 1)..];
        if (mark == 0 || !CalDavComponents.IsMapped(component))
            throw new ArgumentException($"'{id}' is not a collection id of the CalDAV store.", nameof(id));
        return new CalDavCollectionId(id[..mark], component);
    }
}
