using Eas.Wire.CodePages;

namespace Eas.Wire.Tests.CodePages;

public sealed class CodePageTableTests
{
    // MS-ASWBXML 2.1.2.1: the namespace of each code page, in page order.
    private static readonly string[] SpecNamespaces =
    [
        "AirSync", "Contacts", "Email", "AirNotify", "Calendar", "Move", "GetItemEstimate", "FolderHierarchy",
        "MeetingResponse", "Tasks", "ResolveRecipients", "ValidateCert", "Contacts2", "Ping", "Provision", "Search",
        "GAL", "AirSyncBase", "Settings", "DocumentLibrary", "ItemOperations", "ComposeMail", "Email2", "Notes",
        "RightsManagement", "Find",
    ];

    // Tags whose spec name is their class's name, which C# forbids for a member.
    private static readonly Dictionary<ushort, string> RenamedTags = new()
    {
        [Move.MoveElement] = "Move",
        [GetItemEstimate.GetItemEstimateElement] = "GetItemEstimate",
        [MeetingResponse.MeetingResponseElement] = "MeetingResponse",
        [ResolveRecipients.ResolveRecipientsElement] = "ResolveRecipients",
        [ValidateCert.ValidateCertElement] = "ValidateCert",
        [Ping.PingElement] = "Ping",
        [Provision.ProvisionElement] = "Provision",
        [Search.SearchElement] = "Search",
        [Settings.SettingsElement] = "Settings",
        [ItemOperations.ItemOperationsElement] = "ItemOperations",
        [Find.FindElement] = "Find",
    };

    [Fact]
    public void Every_page_of_the_spec_is_present_with_its_namespace()
    {
        CodePageTable.LastPage.ShouldBe((byte)(SpecNamespaces.Length - 1));
        for (var page = 0; page < SpecNamespaces.Length; page++)
        {
            CodePageTable.IsKnownPage((byte)page).ShouldBeTrue($"page {page}");
            CodePageTable.NamespaceOf((byte)page).ShouldBe(SpecNamespaces[page]);
        }
        CodePageTable.IsKnownPage(26).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => CodePageTable.NamespaceOf(26));
    }

    [Fact]
    public void Every_page_class_is_in_the_table_and_namespaces_are_unique()
    {
        PageClasses.All.Select(p => (int)p.Number).ShouldBe(Enumerable.Range(0, SpecNamespaces.Length));
        PageClasses.All.Select(p => p.Namespace).ShouldBeUnique();
        foreach (var page in PageClasses.All)
        {
            page.Class.Name.ShouldBe(page.Namespace);
            CodePageTable.NamespaceOf(page.Number).ShouldBe(page.Namespace);
            CodePageTable.TryGetPage(page.Namespace, out var number).ShouldBeTrue();
            number.ShouldBe(page.Number);
            CodePageTable.TryGetPage(page.Namespace + ":", out number).ShouldBeTrue();
            number.ShouldBe(page.Number);
        }
        CodePageTable.TryGetPage("Gal", out _).ShouldBeFalse("namespaces are case-sensitive; the spec says GAL");
    }

    [Fact]
    public void No_page_repeats_a_token_and_every_token_is_on_its_page()
    {
        foreach (var page in PageClasses.All)
        {
            page.Tags.GroupBy(c => c.Tag).Where(g => g.Count() > 1)
                .Select(g => $"{page.Namespace} 0x{g.Key:X4}: {string.Join(", ", g.Select(c => c.Identifier))}")
                .ShouldBeEmpty();
            foreach (var constant in page.Tags)
            {
                (constant.Tag >> 8).ShouldBe(page.Number, $"{page.Namespace}.{constant.Identifier}");
                (constant.Tag & 0xFF).ShouldBeInRange(0x05, 0x3F, $"{page.Namespace}.{constant.Identifier}");
            }
        }
    }

    [Fact]
    public void Every_tag_round_trips_through_its_name()
    {
        var count = 0;
        foreach (var page in PageClasses.All)
        {
            foreach (var constant in page.Tags)
            {
                CodePageTable.IsKnown(constant.Tag).ShouldBeTrue();
                var name = CodePageTable.NameOf(constant.Tag);
                name.ShouldBe(RenamedTags.GetValueOrDefault(constant.Tag) ?? constant.Identifier);
                CodePageTable.TryGetTag(page.Namespace, name, out var tag).ShouldBeTrue($"{page.Namespace}:{name}");
                tag.ShouldBe(constant.Tag);
                CodePageTable.TryGetTag(page.Namespace + ":", name, out tag).ShouldBeTrue($"{page.Namespace}:{name}");
                tag.ShouldBe(constant.Tag);
                CodePageTable.Describe(constant.Tag).ShouldBe($"{page.Namespace}:{name}");
                count++;
            }
        }
        count.ShouldBe(PageClasses.All.Sum(p => p.Tags.Count));
        count.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void Renamed_tags_answer_to_their_spec_names_only()
    {
        foreach (var (tag, spec) in RenamedTags)
        {
            var ns = CodePageTable.NamespaceOf((byte)(tag >> 8));
            spec.ShouldBe(ns, "only a tag named like its page's class needs renaming");
            CodePageTable.NameOf(tag).ShouldBe(spec);
            CodePageTable.TryGetTag(ns, spec, out var found).ShouldBeTrue();
            found.ShouldBe(tag);
            CodePageTable.TryGetTag(ns, spec + "Element", out _).ShouldBeFalse();
        }
    }

    [Fact]
    public void Describe_gives_namespace_and_name_or_the_raw_numbers()
    {
        CodePageTable.Describe(Contacts.FileAs).ShouldBe("Contacts:FileAs");
        CodePageTable.Describe(GAL.DisplayName).ShouldBe("GAL:DisplayName");
        CodePageTable.Describe(Ping.PingElement).ShouldBe("Ping:Ping");
        CodePageTable.Describe(Find.Picture).ShouldBe("Find:Picture");
        CodePageTable.Describe(0x003F).ShouldBe("page 0 token 0x3F");
        CodePageTable.Describe(0x0305).ShouldBe("page 3 token 0x05");
        CodePageTable.Describe(0x1A05).ShouldBe("page 26 token 0x05");
    }

    [Fact]
    public void Unknown_tags_and_names_are_refused()
    {
        CodePageTable.IsKnown(0x003F).ShouldBeFalse();
        CodePageTable.IsKnown(0x1A05).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => CodePageTable.NameOf(0x0305));
        CodePageTable.TryGetTag("Contacts", "AssistantTelephoneNumber", out _).ShouldBeFalse();
        CodePageTable.TryGetTag("Calendar", "Attendee_Email", out _).ShouldBeFalse();
        CodePageTable.TryGetTag("Email", "FileAs", out _).ShouldBeFalse();
        CodePageTable.TryGetTag("Ping", "PingElement", out _).ShouldBeFalse();
    }

    // libwbxml has no Find page, so page 25 is checked against the spec's listing (MS-ASWBXML 2.1.2.1.26),
    // gaps at 0x0F-0x10 and 0x1A-0x1F included.
    [Fact]
    public void Find_page_matches_the_spec_listing()
    {
        (int Token, string Name)[] spec =
        [
            (0x05, "Find"), (0x06, "SearchId"), (0x07, "ExecuteSearch"), (0x08, "MailBoxSearchCriterion"),
            (0x09, "Query"), (0x0A, "Status"), (0x0B, "FreeText"), (0x0C, "Options"), (0x0D, "Range"),
            (0x0E, "DeepTraversal"), (0x11, "Response"), (0x12, "Result"), (0x13, "Properties"), (0x14, "Preview"),
            (0x15, "HasAttachments"), (0x16, "Total"), (0x17, "DisplayCc"), (0x18, "DisplayBcc"),
            (0x19, "GALSearchCriterion"), (0x20, "MaxPictures"), (0x21, "MaxSize"), (0x22, "Picture"),
        ];

        TokensOf(Find.PageNumber).ShouldBe(spec);
    }

    // The other tags libwbxml does not know, checked against the spec's listing instead.
    [Fact]
    public void Tags_libwbxml_lacks_match_the_spec_listing()
    {
        TokensOf(MeetingResponse.PageNumber).Where(t => t.Token is 0x10 or 0x11)
            .ShouldBe([(0x10, "ProposedStartTime"), (0x11, "ProposedEndTime")]);
        TokensOf(Provision.PageNumber).Last().ShouldBe((0x3B, "AccountOnlyRemoteWipe"));
    }

    [Fact]
    public void AirNotify_has_no_tags()
    {
        TokensOf(AirNotify.PageNumber).ShouldBeEmpty();
    }

    private static List<(int Token, string Name)> TokensOf(byte page) =>
        [.. Enumerable.Range(0x05, 0x3B)
            .Select(token => (ushort)(page << 8 | token))
            .Where(CodePageTable.IsKnown)
            .Select(tag => (tag & 0xFF, CodePageTable.NameOf(tag)))];
}
