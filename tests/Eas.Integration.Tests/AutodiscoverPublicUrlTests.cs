using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary>
/// Autodiscover behind a proxy (MS-ASCMD 2.2.1.1): with <c>Eas:PublicUrl</c> configured, the MobileSync Server Url a phone
/// is given is that public address with the ActiveSync path, whatever Host the request came in on.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class AutodiscoverPublicUrlTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private static readonly XNamespace MobileSync = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";
    private ServerInstance _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerInstance.StartAsync(dovecot, null, ["--Eas:License:ActiveSyncMailboxCount=100", "--Eas:PublicUrl=https://eas.example.test/"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASCMD_2_2_1_1_the_server_url_is_the_configured_public_url_not_the_requests_host()
    {
        var user = MailboxUser.Create(dovecot, "publicurl");
        using var http = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/autodiscover/autodiscover.xml")
        {
            Content = new StringContent($"""
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">
                  <Request><EMailAddress>{user.Address}</EMailAddress><AcceptableResponseSchema>{MobileSync.NamespaceName}</AcceptableResponseSchema></Request>
                </Autodiscover>
                """, Encoding.UTF8, "text/xml"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Address}:{user.Password}")));

        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var server = body.Descendants(MobileSync + "Server").ShouldHaveSingleItem();
        server.Element(MobileSync + "Type")!.Value.ShouldBe("MobileSync");
        server.Element(MobileSync + "Url")!.Value.ShouldBe("https://eas.example.test/Microsoft-Server-ActiveSync");
        server.Element(MobileSync + "Name")!.Value.ShouldBe("https://eas.example.test/Microsoft-Server-ActiveSync");
    }
}
