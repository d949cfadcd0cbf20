using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Tests.Oracle;
using Eas.Wire.Wbxml;
using static Eas.Wire.Tests.Commands.RequestTesting;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Tests.Commands;

/// <summary>
/// A fetched item's Body Data streamed from <see cref="ItemOperationsFetchResult.BodyContent"/> (a whole message
/// as MIME): inline as Data, an inline string (MS-ASAIRS 2.2.2.20.1: "returned as a string"), multipart as Part
/// (MS-ASAIRS 2.2.2.33), either way after Truncated and before Preview (MS-ASAIRS 2.2.2.9).
/// </summary>
public sealed class ItemOperationsBodyContentTests
{
    private static readonly WbxmlLimits Large = new() { MaxStringBytes = 64 * 1024 * 1024, MaxDocumentBytes = 128 * 1024 * 1024 };

    [Fact]
    public async Task MS_ASAIRS_2_2_2_20_1_inline_the_content_is_string_data_before_the_preview()
    {
        var message = MimeText(200_003, seed: 11);
        using var body = Response(BinaryContent.FromBytes(message), withPreview: true).Encode(V141, multipart: false);
        var written = await WriteAsync(body);

        written.Length.ShouldBe((int)body.Length);
        var itemBody = BodyOf(WbxmlDocument.Parse(written, Large));
        Names(itemBody).ShouldBe(["Type", "EstimatedDataSize", "Truncated", "Data", "Preview"]);
        var data = itemBody.Element(AirSyncBase.Data)!;
        data.ValueKind.ShouldBe(WbxmlValueKind.Text);
        data.RawValue.ToArray().ShouldBe(message);
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_20_1_inline_data_has_golden_bytes()
    {
        using var body = Response(BinaryContent.FromBytes("hi!"u8.ToArray()), withPreview: false).Encode(V141, multipart: false);
        var written = Convert.ToHexString(await WriteAsync(body));

        // Truncated (0x4D) "0" END, then Data (0x4B) STR_I (03) "hi!" NUL END, then Body's END.
        written.ShouldContain("4D" + "03" + "3000" + "01" + "4B" + "03" + "686921" + "00" + "01" + "01");
    }

    [Fact]
    public async Task A_nul_byte_in_streamed_data_is_written_as_a_space_and_the_length_holds()
    {
        using var body = Response(BinaryContent.FromBytes("a\0b"u8.ToArray()), withPreview: false).Encode(V141, multipart: false);
        var bytes = await WriteAsync(body);

        bytes.Length.ShouldBe((int)body.Length);
        Convert.ToHexString(bytes).ShouldContain("4B" + "03" + "612062" + "00" + "01");
    }

    [Fact]
    public async Task Inline_string_data_decodes_with_libwbxml_to_the_message_text()
    {
        var message = MimeText(9_999, seed: 4);
        using var body = Response(BinaryContent.FromBytes(message), withPreview: false).Encode(V141, multipart: false);
        var written = await WriteAsync(body);

        var theirs = WbxmlXml.Parse(LibWbxml.ToSpecNames(LibWbxml.Decode([written]).Single()));
        var data = BodyOf(theirs).Element(AirSyncBase.Data)!;
        data.ValueKind.ShouldBe(WbxmlValueKind.Text);
        // An XML parser reads a CRLF as LF (XML 1.0 2.11).
        data.Text.ShouldBe(Encoding.ASCII.GetString(message).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Multipart_the_content_is_its_own_part_named_where_data_would_be()
    {
        var message = RandomBytes(70_001, seed: 12);
        using var body = Response(BinaryContent.FromBytes(message), withPreview: true).Encode(V141, multipart: true);
        var written = await WriteAsync(body);

        var parts = MultiPartResponse.ReadParts(written);
        parts.Count.ShouldBe(2);
        written.AsSpan(parts[1].Offset, parts[1].Length).SequenceEqual(message).ShouldBeTrue();
        var itemBody = BodyOf(WbxmlDocument.Parse(written.AsSpan(parts[0].Offset, parts[0].Length).ToArray()));
        Names(itemBody).ShouldBe(["Type", "EstimatedDataSize", "Truncated", "Part", "Preview"]);
        itemBody.ValueOf(IoPage.Part).ShouldBe("1");
    }

    [Fact]
    public void The_response_says_it_carries_content()
    {
        Response(BinaryContent.FromBytes([1]), withPreview: false).HasContent.ShouldBeTrue();
    }

    [Fact]
    public void The_body_disposes_the_content()
    {
        var stream = new MemoryStream([1, 2, 3]);
        var body = Response(new BinaryContent(stream), withPreview: false).Encode(V141, multipart: false);
        body.Dispose();

        stream.CanRead.ShouldBeFalse();
    }

    private static ItemOperationsResponse Response(BinaryContent content, bool withPreview)
    {
        var body = WbxmlElement.WithChildren(AirSyncBase.Body,
            WbxmlElement.WithText(AirSyncBase.Type, "4"),
            WbxmlElement.WithText(AirSyncBase.EstimatedDataSize, content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            WbxmlElement.WithText(AirSyncBase.Truncated, "0"));
        if (withPreview) body.Add(WbxmlElement.WithText(AirSyncBase.Preview, "hello"));
        var item = new ItemOperationsFetchResult(ItemOperationsStatus.Success)
        {
            CollectionId = "5",
            ServerId = "5:9",
            Properties = WbxmlElement.WithChildren(IoPage.Properties, WbxmlElement.WithText(Email.Subject, "Scan"), body),
            BodyContent = content,
        };
        return new ItemOperationsResponse(ItemOperationsStatus.Success) { Results = [item] };
    }

    private static WbxmlElement BodyOf(WbxmlElement document) =>
        document.Element(IoPage.Response)!.Element(IoPage.Fetch)!.Element(IoPage.Properties)!.Element(AirSyncBase.Body)!;

    private static IEnumerable<string> Names(WbxmlElement element)
    {
        var names = new List<string>();
        foreach (var child in element.Children) names.Add(child.Name);
        return names;
    }

    private static async Task<byte[]> WriteAsync(SegmentedBody body)
    {
        using var stream = new MemoryStream();
        await body.WriteToAsync(stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>A 7-bit MIME-like message: lines of printable ASCII ending in CRLF.</summary>
    private static byte[] MimeText(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = i % 78 == 76 ? (byte)'\r' : i % 78 == 77 ? (byte)'\n' : (byte)random.Next(' ', '~' + 1);
        return bytes;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
