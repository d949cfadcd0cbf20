using System.Net.Http.Headers;
using System.Text;
using Eas.Mail.LocalRadicale;
using Eas.Mail.Pim.CalDav;
using Eas.Mail.Pim.CardDav;

namespace Eas.Mail.Tests.Fixtures;

/// <summary>
/// One private Radicale for a test class, on a free loopback port, and one shared <see cref="HttpClient"/>. Each test
/// takes users of its own (<see cref="NewUser"/>), so tests never see each other's address books. Without Radicale
/// the fixture fails (it does not skip): CI installs it, and a developer is told to run <c>apt-get install radicale</c>.
/// </summary>
public sealed class RadicaleFixture : IAsyncLifetime
{
    private int _users;
    private string? _dataDirectory;

    public RadicaleInstance Radicale { get; private set; } = null!;

    /// <summary>The shared client, as the server's would be: no timeout of its own, the adapter's request timeout governs.</summary>
    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("eas-radicale-").FullName;
        Radicale = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = _dataDirectory });
    }

    /// <summary>A new user with a password holding a colon and non-ASCII (Basic credentials are UTF-8, RFC 7617 2.1).</summary>
    public (string User, string Password) NewUser(string prefix = "user")
    {
        var user = $"{prefix}{Interlocked.Increment(ref _users)}";
        var password = $"pä:ss-{user}";
        Radicale.AddUser(user, password);
        return (user, password);
    }

    public CardDavPimStore Store(string user, string password, CardDavOptions? options = null) =>
        new(Http, CardDavPimStore.HomeFromTemplate(Radicale.HomeUrlTemplate, user), user, password, options);

    /// <summary>A CalDAV store that discovers the user's calendar home from the server's root (RFC 4791 6.2.1).</summary>
    public CalDavPimStore CalDavStore(string user, string password, CalDavOptions? options = null) =>
        new(Http, Radicale.BaseUrl, user, password, options);

    /// <summary>
    /// Another CardDAV client's plain request (as a phone's or a web client's would be), outside the adapter, on a
    /// connection of its own.
    /// </summary>
    public async Task<HttpResponseMessage> OtherClientAsync(
        HttpMethod method, string user, string password, string path, string? vcard = null, string contentType = "text/vcard", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(Radicale.HomeUrl(user), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        if (vcard is not null) request.Content = new StringContent(vcard, new MediaTypeHeaderValue(contentType));
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var other = new HttpClient();
        return await other.SendAsync(request);
    }

    public static string VCard(string uid, string name) =>
        $"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{name};;;;\r\nEMAIL:{uid}@example.com\r\nEND:VCARD\r\n";

    /// <summary>An iCalendar object holding one <paramref name="component"/> (VEVENT, VTODO or VJOURNAL), RFC 5545 3.4.</summary>
    public static string ICalendar(string uid, string summary, string component = "VEVENT")
    {
        var times = component switch
        {
            "VEVENT" => "DTSTART:20260310T090000Z\r\nDTEND:20260310T100000Z\r\n",
            "VTODO" => "DUE:20260310T170000Z\r\n",
            _ => "DTSTART;VALUE=DATE:20260310\r\n",
        };
        return $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Eas//Tests//EN\r\nBEGIN:{component}\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n{times}SUMMARY:{summary}\r\nEND:{component}\r\nEND:VCALENDAR\r\n";
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (Radicale is not null) await Radicale.DisposeAsync();
        if (_dataDirectory is not null) Directory.Delete(_dataDirectory, recursive: true);
    }
}
