using System.Net;
using System.Text;

namespace Eas.Host.Tests.Cli;

/// <summary>
/// Answers the admin API in place of a server: records each request (method, path under <c>/admin/api/</c>, body) and
/// answers 200 with the JSON given for its path, or <c>{}</c>.
/// </summary>
internal sealed class RecordingAdminApi(IReadOnlyDictionary<string, string>? answers = null) : HttpMessageHandler
{
    public const string Url = "http://admin.example.test:8080";

    public List<(string Method, string Path, string? Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath["/admin/api/".Length..];
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method.Method, path, body));
        var answer = answers?.GetValueOrDefault(path) ?? "{}";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}
