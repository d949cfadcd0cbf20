using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eas.Host.Cli;

/// <summary>
/// The admin API as the <c>admin</c> and <c>top</c> subcommands call it: HTTP Basic as one admin, JSON in the
/// server's form (web defaults, camelCase enums). Every failure is an <see cref="AdminApiException"/> that
/// carries the exit code: 1 when the API refused (4xx, with the server's reason), 2 when the server could
/// not be reached or could not answer (connection failure, time-out, 5xx).
/// </summary>
internal sealed class AdminApi : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HttpClient _http;

    /// <summary>The API of <paramref name="server"/>; requests go to <paramref name="handler"/> instead of the network when one is given (tests).</summary>
    public AdminApi(Uri server, string user, string password, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        var root = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = new Uri(root, "admin/api/");
        _http.Timeout = timeout;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public Task<string> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<T>(await GetAsync(path, cancellationToken), Json) ?? throw new AdminApiException(2, $"GET {path}: the server answered null.");

    public Task<string> PutAsync(string path, object body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Put, path, body, cancellationToken);

    public Task<string> PostAsync(string path, object body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<string> DeleteAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    public void Dispose() => _http.Dispose();

    /// <summary>A path segment (domain, class, account name) as the URL must carry it.</summary>
    public static string Segment(string name) => Uri.EscapeDataString(name);

    private async Task<string> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new AdminApiException(2, $"Cannot reach the server at {_http.BaseAddress}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AdminApiException(2, $"The server at {_http.BaseAddress} did not answer within {_http.Timeout.TotalSeconds:0} s.");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode) return text;
            var status = (int)response.StatusCode;
            var reason = $"{method} {path}: {status} {ReasonOf(status, text) ?? response.ReasonPhrase}";
            throw status is >= 400 and < 500 ? new AdminApiException(1, "Refused: " + reason) : new AdminApiException(2, "The server failed: " + reason);
        }
    }

    /// <summary>The reason in the server's problem details, or what a bare status means here.</summary>
    private static string? ReasonOf(int status, string body)
    {
        if (status == 401) return "wrong or missing admin credentials (--user, --password or EAS_ADMIN_PASSWORD)";
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var field in (string[])["detail", "title"])
                if (problem.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
        }
        catch (JsonException)
        {
        }

        return null;
    }
}

/// <summary>An admin API call that failed, with the exit code the subcommand ends with.</summary>
internal sealed class AdminApiException(int exitCode, string message) : Exception(message)
{
    /// <summary>The exit code of a command line that is wrong (nothing was sent), as for a server that cannot be reached.</summary>
    public const int BadInputExitCode = 2;

    public int ExitCode { get; } = exitCode;

    /// <summary>A value on the command line that cannot be sent: exit code <see cref="BadInputExitCode"/>, nothing sent.</summary>
    public static AdminApiException BadInput(string message) => new(BadInputExitCode, message);
}
