using System.Net;
using System.Text;

namespace Eas.Mail.Tests.Pim;

/// <summary>A scripted CardDAV server inside the process: for answers no real server gives (hostile hrefs, paging).</summary>
internal sealed class FakeDavHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Uri, string? Body)> Requests { get; } = [];

    public static HttpResponseMessage MultiStatus(string responses, string? syncToken = null) =>
        new(HttpStatusCode.MultiStatus)
        {
            Content = new StringContent(
                $"<?xml version=\"1.0\"?><multistatus xmlns=\"DAV:\">{responses}{(syncToken is null ? "" : $"<sync-token>{syncToken}</sync-token>")}</multistatus>",
                Encoding.UTF8, "application/xml"),
        };

    public static string Member(string href, string etag) =>
        $"<response><href>{href}</href><propstat><prop><getetag>\"{etag}\"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests) Requests.Add((request.Method, request.RequestUri!, body));
        return await answer(request, cancellationToken);
    }
}
