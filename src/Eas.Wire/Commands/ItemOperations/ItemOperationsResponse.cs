using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// An ItemOperations response (MS-ASCMD 2.2.1.10): the global Status, then a Response element holding one
/// result per operation, in request order. A Fetch result is Status, CollectionId, ServerId, LinkId,
/// LongId, FileReference, Class, Properties.
/// </summary>
/// <remarks>
/// A fetch's bytes go out in one of the two forms of MS-ASCMD 2.2.1.10.1: inline, base64 in Data inside the one
/// WBXML document (the default), or multipart (<see cref="Encode"/> with <c>multipart</c>, when the phone sent
/// MS-ASAcceptMultiPart: T or the AcceptMultiPart option bit), where the WBXML is part 0 and every Data, an
/// attachment's <see cref="ItemOperationsFetchResult.Content"/> and an item's airsyncbase:Body Data alike, is
/// replaced by Part naming the part that carries its bytes (MS-ASCMD 2.2.3.130, MS-ASAIRS 2.2.2.33).
/// </remarks>
public sealed record ItemOperationsResponse(ItemOperationsStatus Status) : IEasResponse
{
    /// <summary>The operations' results; Response is left out when empty.</summary>
    public ImmutableArray<ItemOperationResult> Results { get; init; } = [];

    /// <summary>Whether a fetch result carries streamed content, which only <see cref="Encode"/> can write.</summary>
    public bool HasContent => !Results.IsDefaultOrEmpty && Results.Any(r => r is ItemOperationsFetchResult fetch && (fetch.Content is not null || fetch.BodyContent is not null));

    /// <summary>Writes the response in inline form; streamed content needs the writer to write into a <see cref="SegmentedBody"/>.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version) => Write(writer, parts: null);

    /// <summary>
    /// The response's HTTP body: one WBXML document with contents inline, or a multipart body
    /// (<see cref="MultiPartResponse"/>). The body owns the contents and disposes them.
    /// </summary>
    public SegmentedBody Encode(ProtocolVersion version, bool multipart)
    {
        if (!multipart)
        {
            var document = new SegmentedBody();
            var writer = new WbxmlWriter(document);
            Write(writer, parts: null);
            writer.Finish();
            return document;
        }

        var parts = new List<BinaryContent>();
        var wbxml = new SegmentedBody();
        var partWriter = new WbxmlWriter(wbxml);
        Write(partWriter, parts);
        partWriter.Finish();
        return MultiPartResponse.Build(wbxml.ToArray(), parts);
    }

    private void Write(WbxmlWriter writer, List<BinaryContent>? parts)
    {
        writer.StartElement(IoPage.ItemOperationsElement);
        writer.WriteStatus(IoPage.Status, Status);
        if (!Results.IsDefaultOrEmpty)
        {
            writer.StartElement(IoPage.Response);
            foreach (var result in Results) WriteResult(writer, result, parts);
            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteResult(WbxmlWriter writer, ItemOperationResult result, List<BinaryContent>? parts)
    {
        switch (result)
        {
            case ItemOperationsFetchResult fetch:
                writer.StartElement(IoPage.Fetch);
                writer.WriteStatus(IoPage.Status, fetch.Status);
                writer.WriteOptional(AirSync.CollectionId, fetch.CollectionId);
                writer.WriteOptional(AirSync.ServerId, fetch.ServerId);
                writer.WriteOptional(DocumentLibrary.LinkId, fetch.LinkId);
                writer.WriteOptional(CodePages.Search.LongId, fetch.LongId);
                writer.WriteOptional(AirSyncBase.FileReference, fetch.FileReference);
                writer.WriteOptional(AirSync.Class, fetch.Class);
                WriteProperties(writer, fetch, parts);
                break;
            case ItemOperationsEmptyFolderContentsResult empty:
                writer.StartElement(IoPage.EmptyFolderContents);
                writer.WriteStatus(IoPage.Status, empty.Status);
                writer.WriteElementString(AirSync.CollectionId, empty.CollectionId);
                break;
            case ItemOperationsMoveResult move:
                writer.StartElement(IoPage.Move);
                writer.WriteStatus(IoPage.Status, move.Status);
                writer.StartElement(IoPage.ConversationId);
                writer.WriteOpaque(move.ConversationId.Span);
                writer.EndElement();
                break;
            default:
                throw new ArgumentException($"Unknown ItemOperations result {result.GetType().Name}.", nameof(result));
        }

        writer.EndElement();
    }

    /// <summary>Properties as given, with a body's Data turned into Part in multipart form, then the content (Data or Part) last.</summary>
    private static void WriteProperties(WbxmlWriter writer, ItemOperationsFetchResult fetch, List<BinaryContent>? parts)
    {
        if (fetch.Properties is null && fetch.Content is null) return;
        writer.StartElement(IoPage.Properties);
        if (fetch.Properties is { } properties)
        {
            foreach (var child in properties.Children)
            {
                if (child.Tag == AirSyncBase.Body && fetch.BodyContent is { } bodyContent) WriteBodyWithContent(writer, child, bodyContent, parts);
                else if (parts is not null && child.Tag == AirSyncBase.Body && child.Element(AirSyncBase.Data) is not null) WriteBodyAsParts(writer, child, parts);
                else writer.WriteElement(child);
            }
        }

        if (fetch.Content is { } content)
        {
            if (parts is null)
            {
                writer.StartElement(IoPage.Data);
                writer.WriteBase64(content);
                writer.EndElement();
            }
            else
            {
                writer.WriteElementInt(IoPage.Part, AddPart(parts, content));
            }
        }

        writer.EndElement();
    }

    private static void WriteBodyAsParts(WbxmlWriter writer, WbxmlElement body, List<BinaryContent> parts)
    {
        writer.StartElement(AirSyncBase.Body);
        foreach (var child in body.Children)
        {
            if (child.Tag == AirSyncBase.Data) writer.WriteElementInt(IoPage.Part, AddPart(parts, BinaryContent.FromMemory(child.RawValue)));
            else writer.WriteElement(child);
        }

        writer.EndElement();
    }

    /// <summary>
    /// A Body whose Data streams from <paramref name="content"/>: its children as given, with Data (an inline string, as
    /// MS-ASAIRS 2.2.2.20.1 types it and as an in-memory MIME body is written) or Part placed where MS-ASAIRS 2.2.2.9
    /// orders it, before Preview.
    /// </summary>
    private static void WriteBodyWithContent(WbxmlWriter writer, WbxmlElement body, BinaryContent content, List<BinaryContent>? parts)
    {
        writer.StartElement(AirSyncBase.Body);
        var placed = false;
        foreach (var child in body.Children)
        {
            if (!placed && child.Tag == AirSyncBase.Preview)
            {
                WriteBodyData(writer, content, parts);
                placed = true;
            }

            writer.WriteElement(child);
        }

        if (!placed) WriteBodyData(writer, content, parts);
        writer.EndElement();
    }

    private static void WriteBodyData(WbxmlWriter writer, BinaryContent content, List<BinaryContent>? parts)
    {
        if (parts is not null)
        {
            writer.WriteElementInt(IoPage.Part, AddPart(parts, content));
            return;
        }

        writer.StartElement(AirSyncBase.Data);
        writer.WriteString(content);
        writer.EndElement();
    }

    /// <summary>Adds a part and returns its index: part 0 is the WBXML, so the first content is part 1.</summary>
    private static int AddPart(List<BinaryContent> parts, BinaryContent content)
    {
        parts.Add(content);
        return parts.Count;
    }
}
