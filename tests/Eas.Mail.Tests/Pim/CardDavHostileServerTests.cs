using System.Net;
using System.Text;
using Eas.Mail.Pim;
using Eas.Mail.Pim.CardDav;

namespace Eas.Mail.Tests.Pim;

/// <summary>What a hostile or unusual server may answer, from a scripted server (no real one does these things).</summary>
public sealed class CardDavHostileServerTests
{
    private static readonly Uri Home = new("http://dav.test/alice/");

    [Fact]
    public async Task RFC4918_8_3_hrefs_outside_the_home_are_refused()
    {
        using var http = new HttpClient(new FakeDavHandler((_, _) => Task.FromResult(FakeDavHandler.MultiStatus(
            FakeDavHandler.Member("/alice/contacts/good.vcf", "1")
            + FakeDavHandler.Member("/bob/contacts/stolen.vcf", "2")
            + FakeDavHandler.Member("http://evil.test/alice/contacts/elsewhere.vcf", "3")
            + FakeDavHandler.Member("/alice/contacts/../../bob/contacts/climb.vcf", "4")
            + FakeDavHandler.Member("/alice/contacts/%2E%2E/x.vcf", "5")
            + FakeDavHandler.Member("/alice/contacts/deeper/nested.vcf", "6")
            + FakeDavHandler.Member("relative.vcf", "7"),
            "token-1"))));
        var store = new CardDavPimStore(http, Home, "alice", "pw");

        var listing = await store.GetChangesAsync("contacts", null, CancellationToken.None);

        listing.Changed.ShouldBe([new PimItemVersion("good", "\"1\""), new PimItemVersion("relative", "\"7\"")], ignoreOrder: true);
    }

    [Fact]
    public async Task RFC6352_6_2_1_collections_outside_the_home_are_not_listed()
    {
        const string book = "<resourcetype><collection/><addressbook xmlns=\"urn:ietf:params:xml:ns:carddav\"/></resourcetype>";
        static string Collection(string href) =>
            $"<response><href>{href}</href><propstat><prop>{book}<displayname>{href}</displayname></prop><status>HTTP/1.1 200 OK</status></propstat></response>";
        using var http = new HttpClient(new FakeDavHandler((_, _) => Task.FromResult(FakeDavHandler.MultiStatus(
            Collection("/alice/mine/") + Collection("/bob/theirs/") + Collection("http://evil.test/alice/evil/")))));
        var store = new CardDavPimStore(http, Home, "alice", "pw");

        var collections = await store.ListCollectionsAsync(PimKind.Contacts, CancellationToken.None);

        collections.Select(c => c.Id).ShouldBe(["mine"]);
        collections[0].IsDefault.ShouldBeTrue();
    }

    [Fact]
    public async Task RFC6578_3_6_a_truncated_answer_is_followed_from_its_token()
    {
        var handler = new FakeDavHandler((request, _) =>
        {
            var body = request.Content!.ReadAsStringAsync().Result;
            return Task.FromResult(body.Contains("<D:sync-token>page-2</D:sync-token>", StringComparison.Ordinal)
                ? FakeDavHandler.MultiStatus(FakeDavHandler.Member("/alice/contacts/b.vcf", "b"), "final")
                : FakeDavHandler.MultiStatus(
                    FakeDavHandler.Member("/alice/contacts/a.vcf", "a")
                    + "<response><href>/alice/contacts/</href><status>HTTP/1.1 507 Insufficient Storage</status><error><number-of-matches-within-limits/></error></response>",
                    "page-2"));
        });
        using var http = new HttpClient(handler);
        var store = new CardDavPimStore(http, Home, "alice", "pw");

        var listing = await store.GetChangesAsync("contacts", null, CancellationToken.None);

        listing.IsFullListing.ShouldBeTrue();
        listing.Token.ShouldBe("final");
        listing.Changed.Select(c => c.ItemId).ShouldBe(["a", "b"], ignoreOrder: true);
        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RFC6578_without_sync_collection_a_propfind_lists_the_members()
    {
        var handler = new FakeDavHandler((request, _) => Task.FromResult(request.Method.Method == "REPORT"
            ? new HttpResponseMessage(HttpStatusCode.NotImplemented)
            : FakeDavHandler.MultiStatus(
                "<response><href>/alice/contacts/</href><propstat><prop><getctag xmlns=\"http://calendarserver.org/ns/\">ctag-9</getctag></prop><status>HTTP/1.1 200 OK</status></propstat></response>"
                + FakeDavHandler.Member("/alice/contacts/a.vcf", "a"))));
        using var http = new HttpClient(handler);
        var store = new CardDavPimStore(http, Home, "alice", "pw");

        var listing = await store.GetChangesAsync("contacts", "ctag-8", CancellationToken.None);

        listing.IsFullListing.ShouldBeTrue();
        listing.Token.ShouldBe("ctag-9");
        listing.Changed.ShouldBe([new PimItemVersion("a", "\"a\"")]);
    }

    [Fact]
    public async Task A_response_larger_than_the_cap_is_not_read()
    {
        var huge = new string('x', 64 * 1024);
        using var http = new HttpClient(new FakeDavHandler((_, _) => Task.FromResult(
            FakeDavHandler.MultiStatus(FakeDavHandler.Member("/alice/contacts/a.vcf", huge), "t"))));
        var store = new CardDavPimStore(http, Home, "alice", "pw", new CardDavOptions { MaxResponseBytes = 16 * 1024, MaxVCardBytes = 8 * 1024 });

        await Should.ThrowAsync<PimStoreUnavailableException>(() => store.GetChangesAsync("contacts", null, CancellationToken.None));
    }

    [Fact]
    public async Task RFC6352_8_7_a_single_vcard_larger_than_the_cap_is_that_items_failure()
    {
        var huge = new string('z', 12 * 1024);
        using var http = new HttpClient(new FakeDavHandler((_, _) => Task.FromResult(FakeDavHandler.MultiStatus(
            $"<response><href>/alice/contacts/a.vcf</href><propstat><prop><getetag>\"e\"</getetag><address-data xmlns=\"urn:ietf:params:xml:ns:carddav\">{huge}</address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>"))));
        var store = new CardDavPimStore(http, Home, "alice", "pw", new CardDavOptions { MaxResponseBytes = 4 * 1024, MaxVCardBytes = 8 * 1024 });

        (await Should.ThrowAsync<PimItemRejectedException>(() => store.GetAsync("contacts", ["a"], CancellationToken.None))).ItemId.ShouldBe("a");
    }

    [Fact]
    public async Task A_multiget_batch_too_large_for_the_cap_is_asked_again_in_halves()
    {
        var card = new string('y', 6 * 1024);
        var handler = new FakeDavHandler((request, _) =>
        {
            var body = request.Content!.ReadAsStringAsync().Result;
            var hrefs = System.Text.RegularExpressions.Regex.Matches(body, "<D:href>([^<]+)</D:href>").Select(m => m.Groups[1].Value);
            var responses = string.Concat(hrefs.Select(h =>
                $"<response><href>{h}</href><propstat><prop><getetag>\"e\"</getetag><address-data xmlns=\"urn:ietf:params:xml:ns:carddav\">{card}</address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>"));
            return Task.FromResult(FakeDavHandler.MultiStatus(responses));
        });
        using var http = new HttpClient(handler);
        var store = new CardDavPimStore(http, Home, "alice", "pw", new CardDavOptions { MaxResponseBytes = 16 * 1024, MultigetBatchSize = 8 });

        var items = await store.GetAsync("contacts", [.. Enumerable.Range(0, 8).Select(i => $"c{i}")], CancellationToken.None);

        items.Select(i => i.ItemId).ShouldBe([.. Enumerable.Range(0, 8).Select(i => $"c{i}")], ignoreOrder: true);
        handler.Requests.Count.ShouldBeGreaterThan(1);
        Encoding.UTF8.GetByteCount(items[0].Content).ShouldBe(card.Length);
    }

    [Fact]
    public async Task RFC4918_9_9_a_server_that_will_not_move_gets_a_copy_and_a_delete()
    {
        var handler = new FakeDavHandler((request, _) => Task.FromResult(request.Method.Method switch
        {
            "MOVE" => new HttpResponseMessage(HttpStatusCode.Forbidden),
            "REPORT" => FakeDavHandler.MultiStatus(
                "<response><href>/alice/contacts/m.vcf</href><propstat><prop><getetag>\"old\"</getetag><address-data xmlns=\"urn:ietf:params:xml:ns:carddav\">BEGIN:VCARD</address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>"),
            "PUT" => new HttpResponseMessage(HttpStatusCode.Created) { Headers = { ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"new\"") } },
            "DELETE" => new HttpResponseMessage(HttpStatusCode.NoContent),
            _ => new HttpResponseMessage(HttpStatusCode.BadRequest),
        }));
        using var http = new HttpClient(handler);
        var store = new CardDavPimStore(http, Home, "alice", "pw");

        var moved = await store.MoveAsync("contacts", "m", "work", CancellationToken.None);

        moved.ShouldBe(new PimItemVersion("m", "\"new\""));
        handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}").ShouldBe(
            ["MOVE /alice/contacts/m.vcf", "REPORT /alice/contacts/", "PUT /alice/work/m.vcf", "DELETE /alice/contacts/m.vcf"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.UnsupportedMediaType)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task RFC6352_6_3_2_1_an_item_the_server_refuses_is_that_items_failure(HttpStatusCode status)
    {
        using var http = new HttpClient(new FakeDavHandler((_, _) => Task.FromResult(new HttpResponseMessage(status))));
        var store = new CardDavPimStore(http, Home, "alice", "pw");

        (await Should.ThrowAsync<PimItemRejectedException>(() => store.CreateAsync("contacts", "r", "BEGIN:VCARD", CancellationToken.None))).ItemId.ShouldBe("r");
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task A_server_error_or_a_refused_sign_in_is_retriable(HttpStatusCode status)
    {
        using var http = new HttpClient(new FakeDavHandler((_, _) => Task.FromResult(new HttpResponseMessage(status))));
        var store = new CardDavPimStore(http, Home, "alice", "pw");

        await Should.ThrowAsync<PimStoreUnavailableException>(() => store.UpdateAsync("contacts", "r", "BEGIN:VCARD", "\"e\"", CancellationToken.None));
    }
}
