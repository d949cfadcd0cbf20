using Eas.Wire.CodePages;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Wbxml;
using static Eas.Wire.Tests.Commands.RequestTesting;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Tests.Commands;

/// <summary>
/// A fetched item's Body Data streamed from <see cref="ItemOperationsFetchResult.BodyContent"/> (a whole message
/// as MIME): inline as opaque Data, multipart as Part (MS-ASAIRS 2.2.2.33), either way after Truncated and before
/// Preview (MS-ASAIRS 2.2.2.9).
/// </summary>
public sealed class ItemOperationsBodyContentTests
{
    private static readonly WbxmlLimits Large = new() { MaxOpaqueBytes = 64 * 1024 * 1024, MaxDocumentBytes = 128 * 1024 * 1024 };

    [Fact]
    public async Task Inline_the_content_is_opaque_data_before_the_preview()
    {
        var message = RandomBytes(200_003, seed: 11);
        using var body = Response(BinaryContent.FromBytes(message), withPreview: true).Encode(V141, multipart: false);
        var written = await WriteAsync(body);

        written.Length.ShouldBe((int)body.Length);
        var itemBody = BodyOf(WbxmlDocument.Parse(written, Large));
        Names(itemBody).ShouldBe(["Type", "EstimatedDataSize", "Truncated", "Data", "Preview"]);
        var data = itemBody.Element(AirSyncBase.Data)!;
        data.ValueKind.ShouldBe(WbxmlValueKind.Opaque);
        data.RawValue.ToArray().ShouldBe(message);
    }

    [Fact]
    public async Task Inline_data_has_golden_bytes()
    {
        using var body = Response(BinaryContent.FromBytes("hi!"u8.ToArray()), withPreview: false).Encode(V141, multipart: false);
        var written = Convert.ToHexString(await WriteAsync(body));

        // Truncated (0x4D) "0" END, then Data (0x4B) OPAQUE (C3) length 3 "hi!" END, then Body's END.
        written.ShouldContain("4D" + "03" + "3000" + "01" + "4B" + "C3" + "03" + "686921" + "01" + "01");
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

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
