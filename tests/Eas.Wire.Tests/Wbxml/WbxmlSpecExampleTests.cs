using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Wbxml;

/// <summary>MS-ASWBXML section 4: the byte-by-byte encoding of a Sync response adding a contact.</summary>
public sealed class WbxmlSpecExampleTests
{
    // The spec prints the encoding as a hex dump; this is the whole of it, byte for byte.
    private const string SpecBytes =
        "03 01 6A 00 45 5C 4F 50 03 43 6F 6E 74 61 63 74 73 00 01 4B 03 32 00 01 52 03 32 00 01 4E 03 31 00 01 " +
        "56 47 4D 03 32 3A 31 00 01 5D 00 11 4A 46 03 31 00 01 4C 03 30 00 01 4D 03 31 00 01 01 00 01 5E 03 46 " +
        "75 6E 6B 2C 20 44 6F 6E 00 01 5F 03 44 6F 6E 00 01 69 03 46 75 6E 6B 00 01 00 11 56 03 31 00 01 01 01 " +
        "01 01 01 01";

    private static WbxmlElement SpecDocument() =>
        WbxmlElement.WithChildren(AirSync.Sync,
            WbxmlElement.WithChildren(AirSync.Collections,
                WbxmlElement.WithChildren(AirSync.Collection,
                    WbxmlElement.WithText(AirSync.Class, "Contacts"),
                    WbxmlElement.WithText(AirSync.SyncKey, "2"),
                    WbxmlElement.WithText(AirSync.CollectionId, "2"),
                    WbxmlElement.WithText(AirSync.Status, "1"),
                    WbxmlElement.WithChildren(AirSync.Commands,
                        WbxmlElement.WithChildren(AirSync.Add,
                            WbxmlElement.WithText(AirSync.ServerId, "2:1"),
                            WbxmlElement.WithChildren(AirSync.ApplicationData,
                                WbxmlElement.WithChildren(AirSyncBase.Body,
                                    WbxmlElement.WithText(AirSyncBase.Type, "1"),
                                    WbxmlElement.WithText(AirSyncBase.EstimatedDataSize, "0"),
                                    WbxmlElement.WithText(AirSyncBase.Truncated, "1")),
                                WbxmlElement.WithText(Contacts.FileAs, "Funk, Don"),
                                WbxmlElement.WithText(Contacts.FirstName, "Don"),
                                WbxmlElement.WithText(Contacts.LastName, "Funk"),
                                WbxmlElement.WithText(AirSyncBase.NativeBodyType, "1")))))));

    [Fact]
    public void Encoding_the_spec_document_gives_the_spec_bytes()
    {
        Hex.Of(WbxmlWriter.Encode(SpecDocument())).ShouldBe(Hex.Of(Hex.Bytes(SpecBytes)));
    }

    [Fact]
    public void Decoding_the_spec_bytes_gives_the_spec_document()
    {
        var decoded = WbxmlDocument.Parse(Hex.Bytes(SpecBytes));

        WbxmlXml.ToXml(decoded).ShouldBe(WbxmlXml.ToXml(SpecDocument()));
        decoded.Element(AirSync.Collections)!.Element(AirSync.Collection)!.ValueOf(AirSync.Class).ShouldBe("Contacts");
    }

    [Fact]
    public void The_xml_form_uses_the_exchange_namespace_style()
    {
        var xml = WbxmlXml.ToXml(SpecDocument());

        xml.ShouldContain("xmlns=\"AirSync:\"");
        xml.ShouldContain("xmlns:contacts=\"Contacts:\"");
        xml.ShouldContain("xmlns:airsyncbase=\"AirSyncBase:\"");
        xml.ShouldContain("<contacts:FileAs>Funk, Don</contacts:FileAs>");
        WbxmlXml.ToXml(WbxmlXml.Parse(xml)).ShouldBe(xml);
    }
}
