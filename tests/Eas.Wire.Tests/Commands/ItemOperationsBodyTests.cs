using System.Buffers.Binary;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Tests.Oracle;
using Eas.Wire.Wbxml;
using static Eas.Wire.Tests.Commands.RequestTesting;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Tests.Commands;

/// <summary>
/// An ItemOperations response with fetched bytes, in both forms of MS-ASCMD 2.2.1.10.1: inline (base64 in Data,
/// streamed from the content) and multipart (2.2.1.10.1.1: PartsCount, PartMetaData, parts; the WBXML is part 0
/// and every Data becomes a Part).
/// </summary>
public sealed class ItemOperationsBodyTests
{
    private static readonly WbxmlLimits Large = new() { MaxStringBytes = 64 * 1024 * 1024, MaxDocumentBytes = 128 * 1024 * 1024 };

    [Fact]
    public async Task Inline_data_is_the_base64_of_the_content_streamed_in_chunks()
    {
        // 100,001 bytes: three chunks of the encoder, the last not a multiple of 3, so padding ends the string.
        var attachment = RandomBytes(100_001, seed: 1);
        using var body = Response(BinaryContent.FromBytes(attachment)).Encode(V141, multipart: false);
        var written = await WriteAsync(body);

        written.Length.ShouldBe((int)body.Length);
        var fetch = WbxmlDocument.Parse(written, Large).Element(IoPage.Response)!.Element(IoPage.Fetch)!;
        var data = fetch.Element(IoPage.Properties)!.Element(IoPage.Data)!.Text;
        data.Length.ShouldBe((int)BinaryContent.Base64Length(attachment.Length));
        Convert.FromBase64String(data).ShouldBe(attachment);
        Listed(fetch.Element(IoPage.Properties)!).Select(c => c.Name).ShouldBe(["ContentType", "Data"]);
    }

    [Fact]
    public async Task Inline_data_is_written_as_an_inline_string_with_golden_bytes()
    {
        using var body = Response(BinaryContent.FromBytes("hi!"u8.ToArray())).Encode(V141, multipart: false);
        var written = Convert.ToHexString(await WriteAsync(body));

        // Properties (0x54 with content), ContentType on AirSyncBase page 17, back to page 20, Data STR_I "aGkh" END.
        written.ShouldEndWith("4C03" + Hex("aGkh") + "00" + "01" + "010101" + "01");
    }

    [Fact]
    public async Task Empty_content_leaves_data_empty()
    {
        using var body = Response(BinaryContent.FromBytes([])).Encode(V141, multipart: false);
        var properties = WbxmlDocument.Parse(await WriteAsync(body)).Element(IoPage.Response)!.Element(IoPage.Fetch)!.Element(IoPage.Properties)!;

        properties.Element(IoPage.Data)!.Text.ShouldBeEmpty();
    }

    [Fact]
    public async Task Multipart_puts_the_wbxml_first_and_each_data_in_its_own_part()
    {
        var attachment = RandomBytes(70_000, seed: 2);
        var item = new ItemOperationsFetchResult(ItemOperationsStatus.Success)
        {
            CollectionId = "5",
            ServerId = "5:9",
            Properties = WbxmlElement.WithChildren(IoPage.Properties,
                WbxmlElement.WithText(Email.Subject, "Numbers"),
                WbxmlElement.WithChildren(AirSyncBase.Body,
                    WbxmlElement.WithText(AirSyncBase.Type, "2"),
                    WbxmlElement.WithText(AirSyncBase.EstimatedDataSize, "16"),
                    WbxmlElement.WithText(AirSyncBase.Data, "<p>Numbers</p>"))),
        };
        var response = new ItemOperationsResponse(ItemOperationsStatus.Success)
        {
            Results = [item, AttachmentResult(BinaryContent.FromBytes(attachment))],
        };
        using var body = response.Encode(V141, multipart: true);
        var written = await WriteAsync(body);

        written.Length.ShouldBe((int)body.Length);
        var parts = MultiPartResponse.ReadParts(written);
        parts.Count.ShouldBe(3);
        parts[0].Offset.ShouldBe(4 + (3 * 8));
        parts[1].Offset.ShouldBe(parts[0].Offset + parts[0].Length);
        parts[2].Offset.ShouldBe(parts[1].Offset + parts[1].Length);
        (parts[2].Offset + parts[2].Length).ShouldBe(written.Length);
        Slice(written, parts[1]).ShouldBe("<p>Numbers</p>"u8.ToArray());
        Slice(written, parts[2]).ShouldBe(attachment);

        var document = WbxmlDocument.Parse(Slice(written, parts[0]));
        var fetches = document.Element(IoPage.Response)!.Elements(IoPage.Fetch).ToList();
        var itemBody = fetches[0].Element(IoPage.Properties)!.Element(AirSyncBase.Body)!;
        Listed(itemBody).ShouldBe([("Type", "2"), ("EstimatedDataSize", "16"), ("Part", "1")]);
        var file = fetches[1].Element(IoPage.Properties)!;
        Listed(file).ShouldBe([("ContentType", "application/pdf"), ("Part", "2")]);
    }

    [Fact]
    public async Task The_multipart_wbxml_part_decodes_with_libwbxml_to_our_document()
    {
        var response = new ItemOperationsResponse(ItemOperationsStatus.Success)
        {
            Results = [AttachmentResult(BinaryContent.FromBytes(RandomBytes(5_000, seed: 3))), new ItemOperationsFetchResult(ItemOperationsStatus.InvalidAttachment) { FileReference = "5%3a9%3a7" }],
        };
        using var body = response.Encode(V141, multipart: true);
        var written = await WriteAsync(body);
        var wbxml = Slice(written, MultiPartResponse.ReadParts(written)[0]);

        var decoded = LibWbxml.Decode([wbxml]).Single();
        var theirs = WbxmlXml.Parse(LibWbxml.ToSpecNames(decoded));
        DocumentAssert.Same(theirs, WbxmlDocument.Parse(wbxml), "multipart part 0 decoded by libwbxml");
        theirs.Element(IoPage.Response)!.Element(IoPage.Fetch)!.Element(IoPage.Properties)!.ValueOf(IoPage.Part).ShouldBe("1");
    }

    [Fact]
    public async Task Inline_data_decodes_with_libwbxml()
    {
        var attachment = RandomBytes(9_999, seed: 4);
        using var body = Response(BinaryContent.FromBytes(attachment)).Encode(V141, multipart: false);
        var written = await WriteAsync(body);

        var theirs = WbxmlXml.Parse(LibWbxml.ToSpecNames(LibWbxml.Decode([written]).Single()));
        var data = theirs.Element(IoPage.Response)!.Element(IoPage.Fetch)!.Element(IoPage.Properties)!.ValueOf(IoPage.Data)!;
        Convert.FromBase64String(data).ShouldBe(attachment);
    }

    [Fact]
    public async Task The_part_table_has_golden_bytes()
    {
        using var body = MultiPartResponse.Build(new byte[] { 0xAA, 0xBB, 0xCC }, [BinaryContent.FromBytes("hi"u8.ToArray())]);
        var written = await WriteAsync(body);

        // PartsCount 2; part 0 at 20, 3 bytes; part 1 at 23, 2 bytes; then the parts. Little-endian 32-bit fields.
        Convert.ToHexString(written).ShouldBe("02000000" + "14000000" + "03000000" + "17000000" + "02000000" + "AABBCC" + "6869");
    }

    [Fact]
    public void A_multipart_response_without_content_still_frames_its_wbxml()
    {
        using var body = new ItemOperationsResponse(ItemOperationsStatus.ProtocolError).Encode(V141, multipart: true);
        var parts = MultiPartResponse.ReadParts(body.ToArray());

        parts.Count.ShouldBe(1);
        WbxmlDocument.Parse(Slice(body.ToArray(), parts[0])).ValueOf(IoPage.Status).ShouldBe("2");
    }

    [Theory]
    [InlineData("")]
    [InlineData("010000")]
    [InlineData("00000000")]
    [InlineData("05000000" + "0C000000" + "00000000")]
    [InlineData("01000000" + "0C000000" + "05000000" + "AABB")]
    [InlineData("01000000" + "FFFFFFFF" + "01000000")]
    public void A_broken_part_table_is_a_format_error(string hex) =>
        Should.Throw<FormatException>(() => MultiPartResponse.ReadParts(Convert.FromHexString(hex)));

    [Fact]
    public void Streamed_content_refuses_a_plain_buffer()
    {
        var writer = new WbxmlWriter(new System.Buffers.ArrayBufferWriter<byte>());
        Should.Throw<InvalidOperationException>(() => Response(BinaryContent.FromBytes([1, 2, 3])).Write(writer, V141));
    }

    [Fact]
    public void The_body_disposes_its_contents()
    {
        var stream = new MemoryStream([1, 2, 3]);
        var body = Response(new BinaryContent(stream)).Encode(V141, multipart: true);
        body.Dispose();

        stream.CanRead.ShouldBeFalse();
    }

    private static ItemOperationsResponse Response(BinaryContent content) =>
        new(ItemOperationsStatus.Success) { Results = [AttachmentResult(content)] };

    private static ItemOperationsFetchResult AttachmentResult(BinaryContent content) =>
        new(ItemOperationsStatus.Success) { FileReference = "5%3a9%3a2", Properties = ItemOperationsProperties.File("application/pdf"), Content = content };

    private static async Task<byte[]> WriteAsync(SegmentedBody body)
    {
        using var stream = new MemoryStream();
        await body.WriteToAsync(stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>The element's children as (name, text), in order.</summary>
    internal static List<(string Name, string Text)> Listed(WbxmlElement element)
    {
        var children = new List<(string, string)>();
        foreach (var child in element.Children) children.Add((child.Name, child.HasChildren ? string.Empty : child.Text));
        return children;
    }

    private static byte[] Slice(byte[] body, (int Offset, int Length) part) => body.AsSpan(part.Offset, part.Length).ToArray();

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Hex(string ascii) => Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(ascii));
}
