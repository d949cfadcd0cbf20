using System.Xml.Linq;
using Eas.Mail.Pim.Dav;

namespace Eas.Mail.Pim.CalDav;

/// <summary>
/// Which iCalendar component (RFC 5545 3.6) each kind of collection holds: VEVENT for calendars, VTODO for tasks,
/// VJOURNAL for notes; and what a collection's <c>supported-calendar-component-set</c> (RFC 4791 5.2.3) allows.
/// </summary>
internal static class CalDavComponents
{
    public const string Event = "VEVENT";
    public const string Todo = "VTODO";
    public const string Journal = "VJOURNAL";

    /// <summary>The components this adapter maps, in the order a collection's kinds are listed.</summary>
    public static readonly IReadOnlyList<string> Mapped = [Event, Todo, Journal];

    public static string Of(PimKind kind) => kind switch
    {
        PimKind.Calendar => Event,
        PimKind.Tasks => Todo,
        PimKind.Notes => Journal,
        _ => throw new NotSupportedException($"The CalDAV store holds calendars, tasks and notes, not {kind}."),
    };

    public static PimKind KindOf(string component) => component switch
    {
        Event => PimKind.Calendar,
        Todo => PimKind.Tasks,
        Journal => PimKind.Notes,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Not a component this adapter maps."),
    };

    public static bool IsMapped(string component) => Mapped.Contains(component, StringComparer.Ordinal);

    /// <summary>
    /// The mapped components a collection may hold, in <see cref="Mapped"/> order. Without the property it may hold
    /// any (RFC 4791 5.2.3), so all three; component names are compared case-insensitively (RFC 5545 2).
    /// </summary>
    public static IReadOnlyList<string> Supported(XElement? componentSet)
    {
        if (componentSet is null) return Mapped;
        var named = componentSet.Elements(DavNames.Comp)
            .Select(c => c.Attribute("name")?.Value.Trim().ToUpperInvariant())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return [.. Mapped.Where(named.Contains)];
    }
}
