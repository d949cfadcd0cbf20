using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Wbxml;

public sealed class WbxmlReaderTests
{
    private const string Header = "03 01 6A 00";

    private static WbxmlException Rejects(string hex, WbxmlLimits? limits = null) =>
        Should.Throw<WbxmlException>(() => WbxmlDocument.Parse(Hex.Bytes(hex), limits));

    [Fact]
    public void Reads_empty_and_valued_elements_and_page_switches()
    {
        // <FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync> then an empty AirSync tag under Sync.
        var folderSync = WbxmlDocument.Parse(Hex.Bytes(Header + " 00 07 56 52 03 30 00 01 01"));
        folderSync.Tag.ShouldBe(FolderHierarchy.FolderSync);
        folderSync.ValueOf(FolderHierarchy.SyncKey).ShouldBe("0");

        var sync = WbxmlDocument.Parse(Hex.Bytes(Header + " 45 13 01"));
        sync.Element(AirSync.GetChanges).ShouldNotBeNull().HasChildren.ShouldBeFalse();
    }

    [Fact]
    public void Reads_opaque_values_as_slices()
    {
        var doc = WbxmlDocument.Parse(Hex.Bytes(Header + " 45 4B C3 03 00 FF 41 01 01"));
        var key = doc.Element(AirSync.SyncKey).ShouldNotBeNull();
        key.ValueKind.ShouldBe(WbxmlValueKind.Opaque);
        key.RawValue.ToArray().ShouldBe(new byte[] { 0x00, 0xFF, 0x41 });
    }

    [Fact]
    public void Reads_multi_byte_opaque_lengths()
    {
        var payload = new string('4', 2 * 200);
        var doc = WbxmlDocument.Parse(Hex.Bytes(Header + " 45 4B C3 81 48 " + payload + " 01 01"));
        doc.Element(AirSync.SyncKey)!.RawValue.Length.ShouldBe(200);
    }

    [Theory]
    [InlineData("02 01 6A 00 45 01", "version", 0)]
    [InlineData("03 00 00 6A 00 45 01", "Public identifiers", 1)]
    [InlineData("03 02 6A 00 45 01", "Public id 2", 1)]
    [InlineData("03 01 04 00 45 01", "Charset", 2)]
    [InlineData("03 01 6A 02 41 42 45 01", "String tables", 3)]
    [InlineData("03 01 6A", "shorter than the WBXML header", 3)]
    public void Rejects_headers_other_than_EAS_uses(string hex, string reason, int offset)
    {
        var e = Rejects(hex);
        e.Reason.ShouldContain(reason, Case.Insensitive);
        e.Offset.ShouldBe(offset);
    }

    [Theory]
    [InlineData(Header + " C5 01", "Attributes")]
    [InlineData(Header + " 45 02 41 01", "entities")]
    [InlineData(Header + " 45 04 01 01", "literals")]
    [InlineData(Header + " 45 83 00 01", "string-table")]
    [InlineData(Header + " 45 43 01", "processing")]
    [InlineData(Header + " 45 40 41 00 01", "Extension")]
    [InlineData(Header + " 45 C0 01", "Extension")]
    [InlineData(Header + " 00 63 45 01", "Unknown code page 99")]
    [InlineData(Header + " 45 3F 01", "Unknown token 0x3F")]
    [InlineData(Header + " 45 4B 03 30", "no terminator")]
    [InlineData(Header + " 45 4B 03 C3 28 00 01 01", "UTF-8")]
    [InlineData(Header + " 45 4B C3 10 41 01 01", "runs past the end")]
    [InlineData(Header + " 45 4B C3 FF FF FF FF 7F 01 01", "overflows")]
    [InlineData(Header + " 45 01 01", "after the end")]
    [InlineData(Header + " 45 01 45 01", "after the end")]
    [InlineData(Header + " 01", "END without")]
    [InlineData(Header + " 03 41 00", "outside the root")]
    [InlineData(Header, "no root element")]
    [InlineData(Header + " 45 4B", "ends inside")]
    [InlineData(Header + " 45 4B 03 31 00 03 32 00 01 01", "more than one value")]
    [InlineData(Header + " 45 4B 03 31 00 4E 01 01 01", "mixes")]
    [InlineData(Header + " 45 4E 01 03 31 00 01", "mixes")]
    [InlineData(Header + " 45 00", "SWITCH_PAGE without")]
    public void Rejects_what_EAS_does_not_use_naming_the_reason(string hex, string reason)
    {
        Rejects(hex).Reason.ShouldContain(reason, Case.Insensitive);
    }

    [Fact]
    public void Names_the_offset_of_an_unknown_token()
    {
        Rejects(Header + " 45 5C 4F 3E 01 01 01").Offset.ShouldBe(7);
    }

    [Fact]
    public void Enforces_each_limit()
    {
        Rejects(Header + " 45 5C 4F 01 01 01", WbxmlLimits.Default with { MaxDepth = 2 }).Reason.ShouldContain("deeper");
        Rejects(Header + " 45 0B 0B 0B 01", WbxmlLimits.Default with { MaxElements = 3 }).Reason.ShouldContain("elements");
        Rejects(Header + " 45 4B 03 31 32 33 00 01 01", WbxmlLimits.Default with { MaxStringBytes = 2 }).Reason.ShouldContain("string");
        Rejects(Header + " 45 4B C3 03 31 32 33 01 01", WbxmlLimits.Default with { MaxOpaqueBytes = 2 }).Reason.ShouldContain("Opaque");
        Rejects(Header + " 45 01", WbxmlLimits.Default with { MaxDocumentBytes = 5 }).Reason.ShouldContain("exceeds");
    }

    [Fact]
    public void Pull_reader_reports_nodes_in_order()
    {
        var reader = new WbxmlReader(Hex.Bytes(Header + " 45 4B 03 30 00 01 13 01"));
        var seen = new List<string>();
        while (reader.Read())
            seen.Add(reader.NodeType switch
            {
                WbxmlNodeType.StartElement => "<" + CodePageTable.NameOf(reader.Tag) + (reader.HasContent ? "" : "/"),
                WbxmlNodeType.Text => "'" + System.Text.Encoding.UTF8.GetString(reader.Value.Span) + "'",
                _ => reader.NodeType.ToString(),
            });

        seen.ShouldBe(["<Sync", "<SyncKey", "'0'", "EndElement", "<GetChanges/", "EndElement", "EndElement"]);
        reader.NodeType.ShouldBe(WbxmlNodeType.EndOfDocument);
    }
}
