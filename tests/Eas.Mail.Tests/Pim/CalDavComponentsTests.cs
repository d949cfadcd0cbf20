using System.Xml.Linq;
using Eas.Mail.Pim;
using Eas.Mail.Pim.CalDav;
using Eas.Mail.Pim.Dav;

namespace Eas.Mail.Tests.Pim;

/// <summary>Which kinds a calendar collection holds, from its supported-calendar-component-set (RFC 4791 5.2.3).</summary>
public sealed class CalDavComponentsTests
{
    private static XElement Set(params string[] names) =>
        new(DavNames.SupportedCalendarComponentSet, names.Select(n => new XElement(DavNames.Comp, new XAttribute("name", n))));

    [Fact]
    public void RFC4791_5_2_3_a_collection_without_the_property_may_hold_every_kind() =>
        CalDavComponents.Supported(null).ShouldBe(["VEVENT", "VTODO", "VJOURNAL"]);

    [Fact]
    public void RFC4791_5_2_3_only_the_named_components_count_in_a_fixed_order_and_case_does_not_matter() =>
        CalDavComponents.Supported(Set("vjournal", "VFREEBUSY", "VEVENT")).ShouldBe(["VEVENT", "VJOURNAL"]);

    [Fact]
    public void RFC4791_5_2_3_a_free_busy_only_collection_holds_nothing_this_store_maps() =>
        CalDavComponents.Supported(Set("VFREEBUSY", "VAVAILABILITY")).ShouldBeEmpty();

    [Theory]
    [InlineData(PimKind.Calendar, "VEVENT")]
    [InlineData(PimKind.Tasks, "VTODO")]
    [InlineData(PimKind.Notes, "VJOURNAL")]
    public void Each_kind_has_its_component_and_back(PimKind kind, string component)
    {
        CalDavComponents.Of(kind).ShouldBe(component);
        CalDavComponents.KindOf(component).ShouldBe(kind);
    }

    [Fact]
    public void Contacts_have_no_component() => Should.Throw<NotSupportedException>(() => CalDavComponents.Of(PimKind.Contacts));
}
