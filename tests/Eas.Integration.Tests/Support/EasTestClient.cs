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

    /// <summary>The User= query value; defaults to the sign-in name.</summary>
    public string? QueryUser { get; set; }

    public Task<HttpResponseMessage> OptionsAsync() =>
        http.SendAsync(WithCredentials(new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync")));

    public async Task<EasResponse> PostAsync(string command, WbxmlElement? body, string? extraQuery = null)
    {
        var query = $"Cmd={command}&User={Uri.EscapeDataString(QueryUser ?? User)}&DeviceId={DeviceId}&DeviceType={deviceType}{extraQuery}";
        var request = WithCredentials(new HttpRequestMessage(HttpMethod.Post, "/Microsoft-Server-ActiveSync?" + query));
        request.Headers.Add(EasHeaderNames.ProtocolVersion, Version);
        request.Headers.TryAddWithoutValidation(EasHeaderNames.UserAgent, "Eas-Integration-Tests/1.0");
        if (PolicyKey is { } key) request.Headers.Add(EasHeaderNames.PolicyKey, key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (AcceptMultiPart) request.Headers.Add(EasHeaderNames.AcceptMultiPart, "T");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(WbxmlWriter.Encode(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        }

        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType == MultiPartResponse.ContentType)
        {
            // The WBXML is part 0 (MS-ASCMD 2.2.1.10.1.1); the caller reads the other parts from Bytes.
            var first = MultiPartResponse.ReadParts(bytes)[0];
            return new EasResponse(response.StatusCode, response.Headers, Conforming(command, WbxmlDocument.Parse(bytes.AsMemory(first.Offset, first.Length))), bytes) { MediaType = mediaType };
        }

        var isWbxml = mediaType == ContentType && bytes.Length > 0;
        return new EasResponse(response.StatusCode, response.Headers, isWbxml ? Conforming(command, WbxmlDocument.Parse(bytes, Limits)) : null, bytes) { MediaType = mediaType };
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
}
