using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Eas.Integration.Tests.Support;

/// <summary>The admin API over real HTTP, as an operator's script would call it.</summary>
internal sealed class AdminClient(HttpClient http, string admin, string password)
{
    public const string Root = "root";
    public const string RootPassword = "Admin-Pass7";

    /// <summary>The server arguments that make <see cref="Root"/> an admin.</summary>
    public static readonly string[] RootArgs = [$"--Eas:Admin:Users:{Root}={RootPassword}"];

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, path));
        return await ReadAsync(response);
    }

    public async Task<JsonNode> PutAsync(string path, object body)
    {
        var request = Request(HttpMethod.Put, path);
        request.Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web));
        using var response = await http.SendAsync(request);
        return await ReadAsync(response);
    }

    /// <summary>A POST with a JSON body; the response as it came, for tests of refusals.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        var request = Request(HttpMethod.Post, path);
        request.Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return await http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path) => await http.SendAsync(Request(method, path));

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, "/admin/api" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{admin}:{password}")));
        return request;
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
