using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Mail.LocalRadicale;
using Eas.Mail.Pim;
using Eas.Wire.CodePages;
using Microsoft.Extensions.DependencyInjection;
using static Eas.Wire.Wbxml.WbxmlElement;
using Calendar = Eas.Wire.CodePages.Calendar;

namespace Eas.Integration.Tests;

/// <summary>
/// Calendars, tasks and notes in a CalDAV server (issue 16): the server started with <c>Eas:Pim:Store=dav</c>, contacts
/// on CardDAV and the rest on CalDAV in one private Radicale, the calendar home found by discovery from the server's
/// root (RFC 4791 6.2.1). Radicale's users have the Dovecot users' passwords; the collections are read and written
/// with plain HTTP as another CalDAV client would. The classes are served by the PIM engine's test-only stand-in
/// codecs (<see cref="TestPimCodec"/>), so these tests prove the store's wiring, not the mapping of calendar fields.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class CalDavCalendarTests(DovecotFixture dovecot) : IAsyncLifetime
{
    /// <summary>The shortest poll interval the options accept, so a change made in Radicale reaches a parked Ping soon.</summary>
    private const int PimPollSeconds = 5;

    private ServerInstance _server = null!;
    private RadicaleInstance _radicale = null!;
    private string _radicaleData = null!;

    public async Task InitializeAsync()
    {
        _radicaleData = Directory.CreateTempSubdirectory("eas-it-caldav-").FullName;
        _radicale = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = _radicaleData });
        _server = await ServerInstance.StartAsync(dovecot, null, builder => builder.Services.AddSingleton(TestPimCodec.AllKinds),
            "--Eas:Pim:Store=dav",
            $"--Eas:Pim:CardDav:UrlTemplate=http://127.0.0.1:{_radicale.Port}/{{user}}/",
            $"--Eas:Pim:CalDav:UrlTemplate=http://127.0.0.1:{_radicale.Port}/",
            "--Eas:Pim:CardDav:TimeoutSeconds=5",
            "--Eas:Pim:CalDav:TimeoutSeconds=5",
            "--Eas:Pim:PollSeconds=" + PimPollSeconds);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _radicale.DisposeAsync();
        Directory.Delete(_radicaleData, recursive: true);
    }

    private async Task<(MailboxUser User, SyncingPhone Phone)> StartAsync(string device)
    {
        var user = MailboxUser.Create(dovecot, "cdav");
        _radicale.AddUser(user.Address, user.Password);
        return (user, await SyncingPhone.StartAsync(_server, user, "16.1", device));
    }

    private async Task<HttpResponseMessage> OtherClientAsync(HttpMethod method, MailboxUser user, string path, string? icalendar = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_radicale.HomeUrl(user.Address), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Address}:{user.Password}")));
        if (icalendar is not null) request.Content = new StringContent(icalendar, Encoding.UTF8, "text/calendar");
        using var other = new HttpClient();
        return await other.SendAsync(request);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_186_3_the_default_CalDAV_collections_are_the_Calendar_8_Tasks_7_and_Notes_10_folders_and_an_Add_lands_in_Radicale()
    {
        var (user, phone) = await StartAsync("CdFolders");
        var folders = phone.Folders.Values.Where(f => f.Type is "7" or "8" or "9" or "10").Select(f => f.Type).Order().ToList();
        var calendar = phone.Folders.Values.Single(f => f.Type == "8").Id;
        await PimRequests.SyncAsync(phone, calendar);

        var added = await PimRequests.SyncAsync(phone, calendar, [ContactRequests.Add("c1", WithText(Calendar.Subject, "Dentist"), WithText(Calendar.StartTime, "20261210T090000Z"))]);

        folders.ShouldBe(["10", "7", "8", "9"], "one default folder per class: notes, tasks, calendar, contacts");
        added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.Status).ShouldBe("1");
        var stored = await OtherClientAsync(HttpMethod.Get, user, "calendar/");
        stored.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await stored.Content.ReadAsStringAsync();
        text.ShouldContain("BEGIN:VEVENT");
        text.ShouldContain("SUMMARY:Dentist");
        (await PimRequests.SyncAsync(phone, calendar)).Element(AirSync.Commands).ShouldBeNull("the phone's own Add is never echoed back");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_an_event_another_client_puts_into_the_CalDAV_calendar_answers_a_parked_Ping_with_Status_2()
    {
        var (user, phone) = await StartAsync("CdPing");
        var calendar = phone.Folders.Values.Single(f => f.Type == "8").Id;
        await PimRequests.SyncAsync(phone, calendar);
        await PimRequests.SyncAsync(phone, calendar);
        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(120, calendar));
        await Task.Delay(1000);
        ping.IsCompleted.ShouldBeFalse("nothing changed since the last sync: the Ping parks");

        var put = await OtherClientAsync(HttpMethod.Put, user, "calendar/web-1.ics", TestPimCodec.Text(PimKind.Calendar, "web-1", "Made on the web", DateTimeOffset.UtcNow.AddDays(1)));
        put.StatusCode.ShouldBe(HttpStatusCode.Created);
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(PimPollSeconds * 4))).Body!;

        response.ValueOf(Ping.Status).ShouldBe("2", "the calendar's sync-token moved (RFC 6578 4), found by polling");
        response.Element(Ping.Folders)!.ValueOf(Ping.Folder).ShouldBe(calendar);
        var synced = await PimRequests.SyncAsync(phone, calendar);
        SyncingPhone.AddsOf(synced).ShouldHaveSingleItem().Data.ValueOf(Calendar.Subject).ShouldBe("Made on the web");
    }
}
