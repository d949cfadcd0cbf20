using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Integration.Tests.Support.Schema;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A phone, as far as the tests need one: sends EAS commands over real HTTP with Basic credentials, the
/// plain query string and the protocol headers, and decodes WBXML answers. Every WBXML answer is checked
/// against its command's response schema (<see cref="ResponseSchemas"/>); one that breaks it fails the test
/// with the path of the first violation.
/// </summary>
internal sealed class EasTestClient(HttpClient http, string user, string password, string deviceId, string version, string deviceType = "TestPhone")
{
    public const string ContentType = "application/vnd.ms-sync.wbxml";

    /// <summary>Responses may carry attachments inline, base64 in one string: larger than a request's limits allow.</summary>
    private static readonly WbxmlLimits Limits = new() { MaxStringBytes = 64 * 1024 * 1024, MaxDocumentBytes = 128 * 1024 * 1024 };

    public string User { get; } = user;

    public string DeviceId { get; } = deviceId;

    public string Version { get; } = version;

    /// <summary>The policy key sent in X-MS-PolicyKey; null sends none.</summary>
    public uint? PolicyKey { get; set; }

    /// <summary>Sends MS-ASAcceptMultiPart: T, asking ItemOperations for a multipart answer.</summary>
    public bool AcceptMultiPart { get; set; }

    /// <summary>The User-Agent header sent with every POST.</summary>
    public string UserAgent { get; set; } = "Eas-Integration-Tests/1.0";

    /// <summary>The Accept-Encoding header sent with every POST; null sends none.</summary>
    public string? AcceptEncoding { get; set; }

    /// <summary>The User= query value; defaults to the sign-in name.</summary>
    public string? QueryUser { get; set; }

    public Task<HttpResponseMessage> OptionsAsync() =>
        http.SendAsync(WithCredentials(new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync")));

    public Task<EasResponse> PostAsync(string command, WbxmlElement? body, string? extraQuery = null) =>
        SendAsync(command, $"Cmd={command}&User={Uri.EscapeDataString(QueryUser ?? User)}&DeviceId={DeviceId}&DeviceType={deviceType}{extraQuery}", body);

    /// <summary>
    /// A POST with the base64 query form (MS-ASHTTP 2.2.1.1.1.1): version, command code, locale, device id, no
    /// policy key (X-MS-PolicyKey carries it), device type, and the Options parameter when <paramref name="options"/> is set.
    /// </summary>
    public Task<EasResponse> PostBase64Async(EasCommand command, WbxmlElement? body, EasCommandOptions? options = null)
    {
        var bytes = new List<byte> { ProtocolVersion.Parse(Version).ToByte(), command.ToCode(), 0x09, 0x04 };
        bytes.Add((byte)DeviceId.Length);
        bytes.AddRange(Encoding.ASCII.GetBytes(DeviceId));
        bytes.Add(0);
        bytes.Add((byte)deviceType.Length);
        bytes.AddRange(Encoding.ASCII.GetBytes(deviceType));
        if (options is { } flags) bytes.AddRange([(byte)EasCommandParameter.Options, 1, (byte)flags]);
        return SendAsync(command.ToString(), Uri.EscapeDataString(Convert.ToBase64String(bytes.ToArray())), body);
    }

    private async Task<EasResponse> SendAsync(string command, string query, WbxmlElement? body)
    {
        var request = WithCredentials(new HttpRequestMessage(HttpMethod.Post, "/Microsoft-Server-ActiveSync?" + query));
        request.Headers.Add(EasHeaderNames.ProtocolVersion, Version);
        request.Headers.TryAddWithoutValidation(EasHeaderNames.UserAgent, UserAgent);
        if (AcceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
        if (PolicyKey is { } key) request.Headers.Add(EasHeaderNames.PolicyKey, key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (AcceptMultiPart) request.Headers.Add(EasHeaderNames.AcceptMultiPart, "T");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(WbxmlWriter.Encode(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        }

        using var response = await http.SendAsync(request);
        var wire = await response.Content.ReadAsByteArrayAsync();
        var gzipped = response.Content.Headers.ContentEncoding.Contains("gzip");
        var bytes = gzipped ? Gunzip(wire) : wire;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType == MultiPartResponse.ContentType)
        {
            // The WBXML is part 0 (MS-ASCMD 2.2.1.10.1.1); the caller reads the other parts from Bytes.
            var first = MultiPartResponse.ReadParts(bytes)[0];
            return new EasResponse(response.StatusCode, response.Headers, Conforming(command, WbxmlDocument.Parse(bytes.AsMemory(first.Offset, first.Length))), bytes) { MediaType = mediaType, Gzipped = gzipped, WireLength = wire.Length, Chunked = response.Headers.TransferEncodingChunked == true };
        }

        var isWbxml = mediaType == ContentType && bytes.Length > 0;
        return new EasResponse(response.StatusCode, response.Headers, isWbxml ? Conforming(command, WbxmlDocument.Parse(bytes, Limits)) : null, bytes)
        {
            MediaType = mediaType, Gzipped = gzipped, WireLength = wire.Length, Chunked = response.Headers.TransferEncodingChunked == true,
        };
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>SendMail, SmartReply or SmartForward as 12.1 and earlier send them: the MIME as the body, parameters on the request line.</summary>
    public async Task<EasResponse> PostMimeAsync(string command, byte[] mime, string? extraQuery = null)
    {
        var query = $"Cmd={command}&User={Uri.EscapeDataString(QueryUser ?? User)}&DeviceId={DeviceId}&DeviceType={deviceType}{extraQuery}";
        var request = WithCredentials(new HttpRequestMessage(HttpMethod.Post, "/Microsoft-Server-ActiveSync?" + query));
        request.Headers.Add(EasHeaderNames.ProtocolVersion, Version);
        if (PolicyKey is { } key) request.Headers.Add(EasHeaderNames.PolicyKey, key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Content = new ByteArrayContent(mime);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var isWbxml = response.Content.Headers.ContentType?.MediaType == ContentType && bytes.Length > 0;
        return new EasResponse(response.StatusCode, response.Headers, isWbxml ? Conforming(command, WbxmlDocument.Parse(bytes)) : null, bytes);
    }

    /// <summary>The decoded body, once it is known to have the structure of the command's response.</summary>
    private static WbxmlElement Conforming(string command, WbxmlElement body)
    {
        ResponseSchemas.AssertConforms(command, body);
        return body;
    }

    private HttpRequestMessage WithCredentials(HttpRequestMessage request)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        return request;
    }
}

internal sealed record EasResponse(HttpStatusCode Status, HttpResponseHeaders Headers, WbxmlElement? Body, byte[] Bytes)
{
    /// <summary>The response's media type, if it had one.</summary>
    public string? MediaType { get; init; }

    /// <summary>Whether the body came with Content-Encoding: gzip (<see cref="Bytes"/> are then the decompressed bytes).</summary>
    public bool Gzipped { get; init; }

    /// <summary>How many body bytes came over the wire.</summary>
    public int WireLength { get; init; }

    /// <summary>Whether the body came chunked, without a Content-Length (a streamed body).</summary>
    public bool Chunked { get; init; }
}
