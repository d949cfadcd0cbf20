using Eas.Wire.CodePages;

namespace Eas.Wire.Tests.CodePages;

/// <summary>
/// Checks every tag of pages 0 to 24 against libwbxml's independent ActiveSync tables: one xml2wbxml run per
/// page encodes all the page's tags by name, and the tokens it writes must be ours. libwbxml has no page 25
/// (Find); <see cref="CodePageTableTests"/> checks that page against the spec's listing.
/// </summary>
public sealed class LibwbxmlOracleTests
{
    /// <summary>
    /// Tags libwbxml spells differently from MS-ASWBXML, with libwbxml's spelling. Each was observed with
    /// xml2wbxml 0.11.8: the spec name is rejected or lands on another page, the libwbxml name gives the
    /// spec's token (<see cref="Spec_names_in_the_spelling_tables_are_not_what_libwbxml_accepts"/> keeps
    /// the first half true, <see cref="Page_tokens_agree_with_libwbxml"/> the second).
    /// </summary>
    private static readonly Dictionary<ushort, string> LibwbxmlNames = new()
    {
        [Contacts.AssistantPhoneNumber] = "AssistantTelephoneNumber",
        [Contacts.BusinessAddressCity] = "BusinessCity",
        [Contacts.BusinessAddressCountry] = "BusinessCountry",
        [Contacts.BusinessAddressPostalCode] = "BusinessPostalCode",
        [Contacts.BusinessAddressState] = "BusinessState",
        [Contacts.BusinessAddressStreet] = "BusinessStreet",
        [Contacts.HomeAddressCity] = "HomeCity",
        [Contacts.HomeAddressCountry] = "HomeCountry",
        [Contacts.HomeAddressPostalCode] = "HomePostalCode",
        [Contacts.HomeAddressState] = "HomeState",
        [Contacts.HomeAddressStreet] = "HomeStreet",
        [Contacts.OtherAddressCity] = "OtherCity",
        [Contacts.OtherAddressCountry] = "OtherCountry",
        [Contacts.OtherAddressPostalCode] = "OtherPostalCode",
        [Contacts.OtherAddressState] = "OtherState",
        [Contacts.OtherAddressStreet] = "OtherStreet",
        [Email.Att0Id] = "AttOId",
        [Email.ReplyTo] = "Reply-To",
        [Email.DtStamp] = "DTStamp",
        [Email.Type] = "Recurrence_Type",
        [Email.Until] = "Recurrence_Until",
        [Email.Occurrences] = "Recurrence_Occurrences",
        [Email.Interval] = "Recurrence_Interval",
        [Email.DayOfWeek] = "Recurrence_DayOfWeek",
        [Email.DayOfMonth] = "Recurrence_DayOfMonth",
        [Email.WeekOfMonth] = "Recurrence_WeekOfMonth",
        [Email.MonthOfYear] = "Recurrence_MonthOfYear",
        [Email.Status] = "FlagStatus",
        [Calendar.Timezone] = "TimeZone",
        [Calendar.Email] = "Attendee_Email",
        [Calendar.Name] = "Attendee_Name",
        [Calendar.DtStamp] = "DTStamp",
        [Calendar.Deleted] = "Exception_Deleted",
        [Calendar.ExceptionStartTime] = "Exception_StartTime",
        [Calendar.OrganizerEmail] = "Organizer_Email",
        [Calendar.CompressedRTF] = "Compressed_RTF",
        [Calendar.OrganizerName] = "Organizer_Name",
        [Calendar.Type] = "Recurrence_Type",
        [Calendar.Until] = "Recurrence_Until",
        [Calendar.Occurrences] = "Recurrence_Occurrences",
        [Calendar.Interval] = "Recurrence_Interval",
        [Calendar.DayOfWeek] = "Recurrence_DayOfWeek",
        [Calendar.DayOfMonth] = "Recurrence_DayOfMonth",
        [Calendar.WeekOfMonth] = "Recurrence_WeekOfMonth",
        [Calendar.MonthOfYear] = "Recurrence_MonthOfYear",
        [Calendar.AttendeeStatus] = "Attendee_Status",
        [Calendar.AttendeeType] = "Attendee_Type",
        [Tasks.UtcDueDate] = "UTCDueDate",
        [Tasks.Type] = "Recurrence_Type",
        [Tasks.Start] = "Recurrence_Start",
        [Tasks.Until] = "Recurrence_Until",
        [Tasks.Occurrences] = "Recurrence_Occurrences",
        [Tasks.Interval] = "Recurrence_Interval",
        [Tasks.DayOfMonth] = "Recurrence_DayOfMonth",
        [Tasks.DayOfWeek] = "Recurrence_DayOfWeek",
        [Tasks.WeekOfMonth] = "Recurrence_WeekOfMonth",
        [Tasks.MonthOfYear] = "Recurrence_MonthOfYear",
        [Tasks.Regenerate] = "Recurrence_Regenerate",
        [Tasks.DeadOccur] = "Recurrence_DeadOccur",
        [Tasks.UtcStartDate] = "UTCStartDate",
        [Settings.SMTPAddress] = "SmtpAddress",
        [Settings.RightsManagementInformation] = "ihsManagementInformation",
        [ComposeMail.Mime] = "MIME",
        [ComposeMail.Name] = "ForwardeeName",
        [ComposeMail.Email] = "ForwardeeEmail",
        [RightsManagement.Owner] = "RMOwner",
        [RightsManagement.RemoveRightsManagementProtection] = "RemoveRightsManagementDistribution",
    };

    /// <summary>Tags xml2wbxml 0.11.8 does not know under any name (its tables predate them).</summary>
    private static readonly HashSet<ushort> UnknownToLibwbxml =
    [
        MeetingResponse.ProposedStartTime,
        MeetingResponse.ProposedEndTime,
        Provision.AccountOnlyRemoteWipe,
    ];

    /// <summary>
    /// Namespaces libwbxml spells differently. Observed: with <c>GAL:</c> names shared with other pages
    /// (DisplayName, Title, Status...) land on those pages; with <c>Gal:</c> they land on page 16.
    /// </summary>
    private static readonly Dictionary<byte, string> LibwbxmlNamespaces = new() { [GAL.PageNumber] = "Gal" };

    public static TheoryData<byte> OraclePages()
    {
        var pages = new TheoryData<byte>();
        foreach (var page in PageClasses.All.Where(p => p.Number <= 24 && CheckableTags(p.Number).Count > 0))
            pages.Add(page.Number);
        return pages;
    }

    [Theory]
    [MemberData(nameof(OraclePages))]
    public async Task Page_tokens_agree_with_libwbxml(byte page)
    {
        var tags = CheckableTags(page);
        var ns = LibwbxmlNamespace(page);
        var result = await Libwbxml.EncodeAsync(Libwbxml.Document([.. tags.Select(t => (ns, LibwbxmlName(t)))]));

        if (!result.Succeeded)
        {
            var rejected = await RejectedNamesAsync(tags);
            result.Succeeded.ShouldBeTrue(
                $"xml2wbxml failed on page {page} ({result.Error}); names it rejects: {string.Join(", ", rejected)}. " +
                "Fix our table if the spec disagrees; add to the spelling tables only what libwbxml spells differently.");
        }

        var encoded = Libwbxml.Tags(result.Wbxml);
        encoded.Count.ShouldBe(tags.Count, "one element per tag");
        var mismatches = tags.Zip(encoded)
            .Where(pair => pair.First != pair.Second)
            .Select(pair => $"{CodePageTable.Describe(pair.First)} is 0x{pair.First:X4} here, " +
                            $"libwbxml encodes '{LibwbxmlName(pair.First)}' as 0x{pair.Second:X4}")
            .ToList();
        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task Spec_names_in_the_spelling_tables_are_not_what_libwbxml_accepts()
    {
        var pointless = new List<string>();
        foreach (var tag in LibwbxmlNames.Keys.Concat(UnknownToLibwbxml))
        {
            var spec = (CodePageTable.NamespaceOf((byte)(tag >> 8)), CodePageTable.NameOf(tag));
            var result = await Libwbxml.EncodeAsync(Libwbxml.Document([spec]));
            if (result.Succeeded && Libwbxml.Tags(result.Wbxml).SequenceEqual([tag]))
                pointless.Add(CodePageTable.Describe(tag));
        }

        pointless.ShouldBeEmpty("libwbxml accepts these spec names as they are: drop them from the tables");
    }

    [Fact]
    public async Task Spec_namespaces_in_the_spelling_table_are_not_what_libwbxml_accepts()
    {
        foreach (var (page, _) in LibwbxmlNamespaces)
        {
            var tags = CheckableTags(page);
            var result = await Libwbxml.EncodeAsync(
                Libwbxml.Document([.. tags.Select(t => (CodePageTable.NamespaceOf(page), LibwbxmlName(t)))]));
            (result.Succeeded && Libwbxml.Tags(result.Wbxml).SequenceEqual(tags))
                .ShouldBeFalse($"libwbxml accepts namespace {CodePageTable.NamespaceOf(page)}: drop it from the table");
        }
    }

    [Fact]
    public void Spelling_tables_name_only_tags_we_have_and_only_real_differences()
    {
        foreach (var tag in LibwbxmlNames.Keys.Concat(UnknownToLibwbxml))
            CodePageTable.IsKnown(tag).ShouldBeTrue($"0x{tag:X4}");
        LibwbxmlNames.Where(entry => entry.Value == CodePageTable.NameOf(entry.Key)).ShouldBeEmpty();
        LibwbxmlNames.Keys.Intersect(UnknownToLibwbxml).ShouldBeEmpty();
        LibwbxmlNamespaces.Where(entry => entry.Value == CodePageTable.NamespaceOf(entry.Key)).ShouldBeEmpty();
    }

    private static List<ushort> CheckableTags(byte page) =>
        [.. PageClasses.Get(page).Tags.Select(c => c.Tag).Where(t => !UnknownToLibwbxml.Contains(t))];

    private static string LibwbxmlName(ushort tag) => LibwbxmlNames.GetValueOrDefault(tag) ?? CodePageTable.NameOf(tag);

    private static string LibwbxmlNamespace(byte page) =>
        LibwbxmlNamespaces.GetValueOrDefault(page) ?? CodePageTable.NamespaceOf(page);

    private static async Task<List<string>> RejectedNamesAsync(IEnumerable<ushort> tags)
    {
        var rejected = new List<string>();
        foreach (var tag in tags)
        {
            var page = (byte)(tag >> 8);
            var result = await Libwbxml.EncodeAsync(Libwbxml.Document([(LibwbxmlNamespace(page), LibwbxmlName(tag))]));
            if (!result.Succeeded) rejected.Add(LibwbxmlName(tag));
        }
        return rejected;
    }
}
