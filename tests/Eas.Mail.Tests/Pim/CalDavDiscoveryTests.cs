using System.Net;
using System.Text;
using Eas.Mail.Pim;
using Eas.Mail.Pim.CalDav;

namespace Eas.Mail.Tests.Pim;

/// <summary>Discovery of the calendar home (RFC 4791 6.2.1) against scripted servers: what Radicale never does.</summary>
public sealed class CalDavDiscoveryTests
{
    private const string Namespaces = "xmlns=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"";

    private static HttpResponseMessage Props(string href, string props) => new(HttpStatusCode.MultiStatus)
    {
        Content = new StringContent(
            $"<?xml version=\"1.0\"?><multistatus {Namespaces}><response><href>{href}</href><propstat><prop>{props}</prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>",
            Encoding.UTF8, "application/xml"),
    };

    private static string Calendars(string home) =>
        $"<response><href>{home}work/</href><propstat><prop><resourcetype><collection/><C:calendar/></resourcetype><displayname>Work</displayname>"
        + "<C:supported-calendar-component-set><C:comp name=\"VEVENT\"/></C:supported-calendar-component-set></prop><status>HTTP/1.1 200 OK</status></propstat></response>";

    [Fact]
    public async Task RFC4791_6_2_1_the_home_set_of_the_principal_is_where_calendars_are_listed()
    {
        var handler = new FakeDavHandler((request, _) => Task.FromResult(request.RequestUri!.AbsolutePath switch
        {
            "/dav/" => Props("/dav/", "<current-user-principal><href>/dav/principals/alice/</href></current-user-principal>"),
            "/dav/principals/alice/" => Props("/dav/principals/alice/", "<C:calendar-home-set><href>/dav/calendars/alice/</href></C:calendar-home-set>"),
            "/dav/calendars/alice/" => new HttpResponseMessage(HttpStatusCode.MultiStatus)
            {
                Content = new StringContent($"<?xml version=\"1.0\"?><multistatus {Namespaces}>{Calendars("/dav/calendars/alice/")}</multistatus>", Encoding.UTF8, "application/xml"),
            },
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        }));
        using var http = new HttpClient(handler);
        var store = new CalDavPimStore(http, new Uri("http://dav.test/dav/"), "alice", "pw");

        var calendars = await store.ListCollectionsAsync(PimKind.Calendar, CancellationToken.None);
        await store.ListCollectionsAsync(PimKind.Calendar, CancellationToken.None);

        calendars.ShouldHaveSingleItem().ShouldBe(new PimCollection("work", PimKind.Calendar, "Work", null, true));
        handler.Requests.Count(r => r.Uri.AbsolutePath == "/dav/principals/alice/").ShouldBe(1);
    }

    [Fact]
    public async Task A_home_on_another_origin_is_refused_and_no_credentials_go_there()
    {
        var handler = new FakeDavHandler((request, _) => Task.FromResult(request.RequestUri!.Host == "dav.test"
            ? Props("/", "<C:calendar-home-set><href>http://evil.test/alice/</href></C:calendar-home-set>")
            : new HttpResponseMessage(HttpStatusCode.MultiStatus)));
        using var http = new HttpClient(handler);
        var store = new CalDavPimStore(http, new Uri("http://dav.test/"), "alice", "pw");

        var failure = await Should.ThrowAsync<PimStoreUnavailableException>(() => store.ListCollectionsAsync(PimKind.Calendar, CancellationToken.None));

        failure.Message.ShouldContain("evil.test");
        handler.Requests.ShouldAllBe(r => r.Uri.Host == "dav.test");
    }

    [Theory]
    [InlineData("calendar", "calendar", null)]
    [InlineData("personal/VTODO", "personal", "VTODO")]
    [InlineData("personal/VJOURNAL", "personal", "VJOURNAL")]
    public void RFC4791_5_2_3_a_collection_id_names_the_collection_and_the_component_of_its_view(string id, string segment, string? component)
    {
        var parsed = CalDavCollectionId.Parse(id);

        parsed.ShouldBe(new CalDavCollectionId(segment, component));
        parsed.ToString().ShouldBe(id);
    }

    [Theory]
    [InlineData("personal/VFREEBUSY")]
    [InlineData("/VEVENT")]
    [InlineData("a/b/VEVENT")]
    public void An_id_this_store_never_gave_is_refused(string id) =>
        Should.Throw<ArgumentException>(() => CalDavCollectionId.Parse(id));
}
