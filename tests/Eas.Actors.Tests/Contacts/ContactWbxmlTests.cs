using System.Xml;
using System.Xml.Linq;
using Eas.Actors.Sync.Contacts;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Tests.Oracle;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Contacts.ContactTestData;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>A contact as airsync:ApplicationData for each protocol version (MS-ASCNTC 2.2.2), both ways.</summary>
public sealed class ContactWbxmlTests
{
    public static TheoryData<string> Versions => ["2.5", "12.0", "12.1", "14.0", "14.1", "16.0", "16.1"];

    private static ContactUpdate ThroughBytes(ContactItem item, ProtocolVersion version, ContactBodyOptions options)
    {
        var bytes = WbxmlWriter.Encode(ContactWbxml.Build(item, version, options));
        return ContactWbxml.Read(WbxmlDocument.Parse(bytes), version);
    }

    private static int ChildCount(WbxmlElement element)
    {
        var count = 0;
        foreach (var _ in element.Children) count++;
        return count;
    }

    private static string[] Names(WbxmlElement element)
    {
        var names = new List<string>();
        foreach (var child in element.Children) names.Add($"{child.Namespace}:{child.Name}");
        return [.. names];
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void MS_ASCNTC_2_2_2_every_element_round_trips_through_WBXML_in_each_version(string versionText)
    {
        var version = ProtocolVersion.Parse(versionText);
        var item = Full();
        var update = ThroughBytes(item, version, ContactBodyOptions.Default);
        update.Item.ShouldBe(item.With(ContactsPage.Alias, null).With(ContactsPage.WeightedRank, null));
        update.Present.ShouldContain(ContactsPage.Categories);
        update.Present.ShouldContain(ContactsPage.Children);
        update.Present.ShouldContain(ContactsPage.Picture);
        update.Present.ShouldContain(version == ProtocolVersion.V25 ? ContactsPage.Body : AirSyncBase.Body);
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_7_2_version_2_5_has_the_Contacts_body_and_no_AirSyncBase()
    {
        var data = ContactWbxml.Build(Full(), ProtocolVersion.V25, ContactBodyOptions.Default);
        var names = Names(data);
        names.ShouldContain("Contacts:Body");
        names.ShouldContain("Contacts:BodyTruncated");
        names.ShouldNotContain(n => n.StartsWith("AirSyncBase:", StringComparison.Ordinal));
        names.ShouldContain("Contacts2:CompanyMainPhone");
        data.ValueOf(ContactsPage.BodyTruncated).ShouldBe("0");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_8_a_truncated_2_5_body_says_its_size()
    {
        var body = new string('x', 600);
        var data = ContactWbxml.Build(ContactItem.Empty with { Body = body }, ProtocolVersion.V25, new ContactBodyOptions { Truncation = 1 });
        data.ValueOf(ContactsPage.Body)!.Length.ShouldBe(512);
        data.ValueOf(ContactsPage.BodySize).ShouldBe("600");
        data.ValueOf(ContactsPage.BodyTruncated).ShouldBe("1");
    }

    [Theory]
    [InlineData("12.0")]
    [InlineData("16.1")]
    public void MS_ASCNTC_2_2_2_7_1_from_12_0_the_notes_are_an_AirSyncBase_plain_text_Body(string versionText)
    {
        var data = ContactWbxml.Build(ContactItem.Empty with { Body = "héllo wörld" }, ProtocolVersion.Parse(versionText),
            new ContactBodyOptions { BodyPreferences = [new BodyPreference(BodyType.PlainText) { TruncationSize = 5 }] });
        Names(data).ShouldNotContain("Contacts:Body");
        var body = data.Element(AirSyncBase.Body)!;
        Names(body).ShouldBe(["AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated", "AirSyncBase:Data"]);
        body.ValueOf(AirSyncBase.Type).ShouldBe("1");
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("13");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data).ShouldBe("héll");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_3_AllOrNone_sends_no_Data_when_the_notes_do_not_fit()
    {
        var data = ContactWbxml.Build(ContactItem.Empty with { Body = "0123456789" }, ProtocolVersion.V141,
            new ContactBodyOptions { BodyPreferences = [new BodyPreference(BodyType.PlainText) { TruncationSize = 5, AllOrNone = true }] });
        data.Element(AirSyncBase.Body)!.Element(AirSyncBase.Data).ShouldBeNull();
        data.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_58_a_picture_over_the_limit_is_left_out_whole_never_cut()
    {
        var big = Convert.ToBase64String(new byte[40_000]);
        var item = ContactItem.Empty with { Picture = big };
        ContactWbxml.Build(item, ProtocolVersion.V161, ContactBodyOptions.Default).Element(ContactsPage.Picture).ShouldBeNull();
        ContactWbxml.Build(item, ProtocolVersion.V161, new ContactBodyOptions { MaxPictureBytes = 10_000 }).Element(ContactsPage.Picture).ShouldBeNull();
        ContactWbxml.Build(item with { Picture = PngPicture }, ProtocolVersion.V161, new ContactBodyOptions { MaxPictureBytes = 10_000 })
            .ValueOf(ContactsPage.Picture).ShouldBe(PngPicture);
        ContactPicture.IsOverLimit(Convert.ToBase64String(new byte[37_000])).ShouldBeTrue();
        ContactPicture.IsOverLimit(PngPicture).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2.5", false)]
    [InlineData("12.1", false)]
    [InlineData("14.0", true)]
    [InlineData("16.1", true)]
    public void MS_ASCNTC_2_2_2_2_and_64_Alias_and_WeightedRank_only_14_0_and_up_and_only_for_the_RI_cache(string versionText, bool expected)
    {
        var version = ProtocolVersion.Parse(versionText);
        var item = Item((ContactsPage.Alias, "aberg"), (ContactsPage.WeightedRank, "3"));
        ContactWbxml.Build(item, version, ContactBodyOptions.Default).HasChildren.ShouldBeFalse();
        var ri = ContactWbxml.Build(item, version, new ContactBodyOptions { RecipientInformationCache = true });
        (ri.Element(ContactsPage.Alias) is not null).ShouldBe(expected);
        (ri.Element(ContactsPage.WeightedRank) is not null).ShouldBe(expected);
    }

    [Fact]
    public void Read_names_every_element_sent_an_empty_one_included_and_keeps_dates_to_their_day()
    {
        var data = WbxmlElement.WithChildren(AirSync.ApplicationData,
            WbxmlElement.WithText(ContactsPage.FirstName, "Anna"),
            new WbxmlElement(ContactsPage.JobTitle),
            WbxmlElement.WithText(ContactsPage.Birthday, "1980-01-01T23:00:00.000Z"),
            new WbxmlElement(ContactsPage.Categories),
            WbxmlElement.WithChildren(AirSyncBase.Body, WbxmlElement.WithText(AirSyncBase.Type, "1"), WbxmlElement.WithText(AirSyncBase.Data, "n")),
            WbxmlElement.WithText(Contacts2.MMS, "+1"));
        var update = ContactWbxml.Read(data, ProtocolVersion.V141);
        update.Present.ShouldBe([ContactsPage.FirstName, ContactsPage.JobTitle, ContactsPage.Birthday, ContactsPage.Categories, AirSyncBase.Body, Contacts2.MMS], ignoreOrder: true);
        update.Item[ContactsPage.JobTitle].ShouldBeNull();
        update.Item[ContactsPage.Birthday].ShouldBe("1980-01-02T00:00:00.000Z");
        update.Item.Body.ShouldBe("n");
        update.Item[Contacts2.MMS].ShouldBe("+1");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_built_WBXML_decodes_in_libwbxml_with_the_expected_element_names(string versionText)
    {
        var version = ProtocolVersion.Parse(versionText);
        var data = ContactWbxml.Build(Full(), version, new ContactBodyOptions { RecipientInformationCache = true });
        var xml = LibWbxml.Decode([WbxmlWriter.Encode(data)]).Single();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var root = XDocument.Load(reader).Root!;
        var leaves = root.Descendants().Where(e => !e.HasElements).Select(e => $"{e.Name.LocalName}={e.Value}").ToList();
        var names = root.Descendants().Select(e => e.Name.LocalName).ToHashSet();

        root.Name.LocalName.ShouldBe("ApplicationData");
        leaves.ShouldContain("FirstName=Anna");
        leaves.ShouldContain("CompanyMainPhone=+49 30 1000");
        leaves.ShouldContain("Child=Clara");
        leaves.ShouldContain("Category=Work, Berlin");
        leaves.ShouldContain("Picture=" + PngPicture);
        leaves.ShouldContain("Birthday=1980-01-02T00:00:00.000Z");
        leaves.Count.ShouldBe(ChildCount(data) + (version == ProtocolVersion.V25 ? 3 : 6));
        if (version == ProtocolVersion.V25)
        {
            leaves.ShouldContain("BodyTruncated=0");
            names.ShouldNotContain("EstimatedDataSize");
        }
        else
        {
            leaves.ShouldContain("Type=1");
            leaves.ShouldContain("EstimatedDataSize=" + System.Text.Encoding.UTF8.GetByteCount(Full().Body!));
            names.ShouldNotContain("BodyTruncated");
        }

        if (version >= ProtocolVersion.V140) leaves.ShouldContain("WeightedRank=17");
        else names.ShouldNotContain("WeightedRank");
    }
}
