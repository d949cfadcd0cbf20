using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>
/// Autodiscover over real HTTP (MS-ASCMD 2.2.1.1): a phone that knows only its address and password finds the
/// ActiveSync URL and its display name, at either casing of the path phones use; errors per MS-ASCMD 2.2.3.64.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class AutodiscoverTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private static readonly XNamespace MobileSync = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, ["--Eas:License:ActiveSyncMailboxCount=100"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Request(string address, string schema = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">
          <Request><EMailAddress>{address}</EMailAddress><AcceptableResponseSchema>{schema}</AcceptableResponseSchema></Request>
        </Autodiscover>
        """;

    private async Task<(HttpStatusCode Status, XDocument? Body)> PostAsync(string path, MailboxUser? user, string body)
    {
        using var http = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Address}:{user.Password}")));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : XDocument.Parse(text));
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_1_a_phone_that_knows_only_its_address_finds_the_server_at_either_casing_and_syncs()
    {
        var user = MailboxUser.Create(dovecot, "autodiscover");

        foreach (var path in (string[])["/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml"])
        {
            var (status, body) = await PostAsync(path, user, Request(user.Address));

            status.ShouldBe(HttpStatusCode.OK, path);
            var response = body.ShouldNotBeNull().Root!.Element(MobileSync + "Response").ShouldNotBeNull();
            response.Element(MobileSync + "User")!.Element(MobileSync + "EMailAddress")!.Value.ShouldBe(user.Address);
            response.Element(MobileSync + "User")!.Element(MobileSync + "DisplayName")!.Value.ShouldNotBeNullOrWhiteSpace();
            var server = response.Descendants(MobileSync + "Server").Single();
            server.Element(MobileSync + "Type")!.Value.ShouldBe("MobileSync");
            var url = new Uri(server.Element(MobileSync + "Url")!.Value);
            url.Scheme.ShouldBe("https");
            url.Authority.ShouldBe(_server.Address.Authority);
            url.AbsolutePath.ShouldBe("/Microsoft-Server-ActiveSync");
        }

        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Discovered1");
        phone.Folders.ShouldContainKey("INBOX");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_64_a_bad_request_is_600_another_schema_601_no_credentials_401_another_account_403()
    {
        var user = MailboxUser.Create(dovecot, "autoerrors");

        var invalid = await PostAsync(AutodiscoverPath, user, "<Autodiscover><Request>");
        var otherSchema = await PostAsync(AutodiscoverPath, user, Request(user.Address, "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"));
        var anonymous = await PostAsync(AutodiscoverPath, null, Request(user.Address));
        var otherAccount = await PostAsync(AutodiscoverPath, user, Request("someone-else@" + DovecotFixture.Domain));

        ErrorCodeOf(invalid).ShouldBe("600");
        ErrorCodeOf(otherSchema).ShouldBe("601");
        anonymous.Status.ShouldBe(HttpStatusCode.Unauthorized);
        otherAccount.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    private const string AutodiscoverPath = "/autodiscover/autodiscover.xml";

    private static string ErrorCodeOf((HttpStatusCode Status, XDocument? Body) answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.OK);
        return answer.Body.ShouldNotBeNull().Descendants(MobileSync + "ErrorCode").Single().Value;
    }
}
