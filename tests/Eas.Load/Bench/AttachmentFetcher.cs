using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Load.Eas;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Load.Bench;

/// <summary>
/// Fetches one attachment the ways a phone can: ItemOperations Fetch by FileReference (MS-ASCMD 2.2.1.10), inline
/// (base64 in Data) or multipart (MS-ASAcceptMultiPart: T, 2.2.1.10.1.1), and GetAttachment (2.2.1.7, up to 12.1);
/// or the whole message as MIME by its ServerId;
/// and checks that the bytes that arrive are the bytes delivered. The answer is read whole on this side: the tool's
/// memory is not what is measured.
/// </summary>
internal sealed class AttachmentFetcher(HttpClient http, Uri endpoint, EasDevice device, uint? policyKey)
{
    private static readonly WbxmlLimits Large = new() { MaxStringBytes = int.MaxValue, MaxDocumentBytes = int.MaxValue, MaxOpaqueBytes = int.MaxValue };

    /// <summary>ItemOperations Fetch of <paramref name="fileReference"/>; returns the attachment's bytes or throws an <see cref="EasCallException"/> saying what was wrong.</summary>
    public Task<byte[]> ItemOperationsAsync(string fileReference, bool multipart, CancellationToken cancellationToken) =>
        FetchAsync(
            WbxmlElement.WithChildren(IoPage.Fetch, WbxmlElement.WithText(IoPage.Store, "Mailbox"), WbxmlElement.WithText(AirSyncBase.FileReference, fileReference)),
            multipart, FetchProperties, inline => Convert.FromBase64String(inline.ValueOf(IoPage.Data) ?? throw new EasCallException("ItemOperations: no Data in the answer")),
            cancellationToken);

    /// <summary>
    /// ItemOperations Fetch of a whole message as MIME (BodyPreference Type 4, MIMESupport 2; MS-ASCMD 2.2.3.110.3):
    /// the Body's Data, an inline string holding the message's bytes (MS-ASAIRS 2.2.2.20.1) or the part its Part names
    /// (MS-ASAIRS 2.2.2.33).
    /// </summary>
    public Task<byte[]> WholeMessageAsync(string collectionId, string serverId, bool multipart, CancellationToken cancellationToken) =>
        FetchAsync(
            WbxmlElement.WithChildren(IoPage.Fetch,
                WbxmlElement.WithText(IoPage.Store, "Mailbox"), WbxmlElement.WithText(AirSync.CollectionId, collectionId), WbxmlElement.WithText(AirSync.ServerId, serverId),
                WbxmlElement.WithChildren(IoPage.Options, WbxmlElement.WithText(AirSync.MIMESupport, "2"),
                    WbxmlElement.WithChildren(AirSyncBase.BodyPreference, WbxmlElement.WithText(AirSyncBase.Type, "4")))),
            multipart, MessageBody, inline => (inline.Element(AirSyncBase.Data) ?? throw new EasCallException("ItemOperations: no Data in the Body")).RawValue.ToArray(),
            cancellationToken);

    /// <summary>
    /// One ItemOperations <paramref name="fetch"/>: inline, <paramref name="readInline"/> takes the content from the element
    /// <paramref name="holder"/> finds; multipart (MS-ASCMD 2.2.1.10.1), that element's Part names the part to return.
    /// </summary>
    private async Task<byte[]> FetchAsync(
        WbxmlElement fetch, bool multipart, Func<WbxmlElement, WbxmlElement> holder, Func<WbxmlElement, byte[]> readInline, CancellationToken cancellationToken)
    {
        using var request = Request("ItemOperations", "");
        if (multipart) request.Headers.Add(EasHeaderNames.AcceptMultiPart, "T");
        request.Content = new ByteArrayContent(WbxmlWriter.Encode(WbxmlElement.WithChildren(IoPage.ItemOperationsElement, fetch)));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(EasClient.WbxmlMediaType);
        var (bytes, mediaType) = await SendAsync(request, "ItemOperations", cancellationToken);
        if (!multipart)
        {
            if (mediaType != EasClient.WbxmlMediaType) throw new EasCallException($"ItemOperations: asked inline, got {mediaType}");
            return readInline(holder(WbxmlDocument.Parse(bytes, Large)));
        }

        if (mediaType != MultiPartResponse.ContentType) throw new EasCallException($"ItemOperations: asked for multipart, got {mediaType}");
        var parts = MultiPartResponse.ReadParts(bytes);
        var element = holder(WbxmlDocument.Parse(bytes.AsMemory(parts[0].Offset, parts[0].Length), Large));
        var index = int.Parse(element.ValueOf(IoPage.Part) ?? throw new EasCallException("ItemOperations: no Part in a multipart answer"), CultureInfo.InvariantCulture);
        return bytes.AsSpan(parts[index].Offset, parts[index].Length).ToArray();
    }

    /// <summary>GetAttachment of <paramref name="fileReference"/>: the raw body.</summary>
    public async Task<byte[]> GetAttachmentAsync(string fileReference, CancellationToken cancellationToken)
    {
        using var request = Request("GetAttachment", "&AttachmentName=" + Uri.EscapeDataString(fileReference));
        var (bytes, _) = await SendAsync(request, "GetAttachment", cancellationToken);
        return bytes;
    }

    private static WbxmlElement MessageBody(WbxmlElement document)
    {
        var body = FetchProperties(document).Element(AirSyncBase.Body) ?? throw new EasCallException("ItemOperations: no Body in the answer");
        if (body.ValueOf(AirSyncBase.Type) != "4" || body.ValueOf(AirSyncBase.Truncated) != "0")
            throw new EasCallException($"ItemOperations: Body Type {body.ValueOf(AirSyncBase.Type)}, Truncated {body.ValueOf(AirSyncBase.Truncated)}; asked whole MIME");
        return body;
    }

    private static WbxmlElement FetchProperties(WbxmlElement document)
    {
        var fetch = document.Element(IoPage.Response)?.Element(IoPage.Fetch) ?? throw new EasCallException("ItemOperations: no Fetch in the answer");
        var status = fetch.ValueOf(IoPage.Status);
        if (status != "1") throw new EasCallException($"ItemOperations: Fetch Status {status}");
        return fetch.Element(IoPage.Properties) ?? throw new EasCallException("ItemOperations: no Properties in the answer");
    }

    private HttpRequestMessage Request(string command, string extraQuery)
    {
        var query = $"?Cmd={command}&User={Uri.EscapeDataString(device.User)}&DeviceId={device.DeviceId}&DeviceType={device.DeviceType}{extraQuery}";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint + query));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{device.User}:{device.Password}")));
        request.Headers.Add(EasHeaderNames.ProtocolVersion, device.Version);
        if (policyKey is { } key) request.Headers.Add(EasHeaderNames.PolicyKey, key.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    private async Task<(byte[] Bytes, string? MediaType)> SendAsync(HttpRequestMessage request, string command, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) throw new EasCallException($"{command}: HTTP {(int)response.StatusCode}");
            return (bytes, response.Content.Headers.ContentType?.MediaType);
        }
        catch (HttpRequestException e)
        {
            throw new EasCallException($"{command}: {e.Message}", transient: true);
        }
    }
}
