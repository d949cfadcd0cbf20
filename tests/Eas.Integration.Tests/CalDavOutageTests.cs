using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Mail.LocalRadicale;
using Eas.Wire.CodePages;
using Calendar = Eas.Wire.CodePages.Calendar;

namespace Eas.Integration.Tests;

/// <summary>
/// A calendar Sync through the server while its CalDAV server is down (<c>Eas:Pim:Store=dav</c>, one private Radicale
/// stopped and started again on the same port and data): the calendar collection answers Status 16 (MS-ASCMD
/// 2.2.3.177.17, retry) with the phone's key kept, and the same key then syncs the event that was waiting.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class CalDavOutageTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const string Event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//Client//EN\r\nBEGIN:VEVENT\r\nUID:waiting-1\r\nDTSTAMP:20260301T120000Z\r\n"
        + "DTSTART:20261210T090000Z\r\nDTEND:20261210T100000Z\r\nSUMMARY:Waiting out the outage\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private RadicaleBackedServer _dav = null!;
    private ServerInstance _server = null!;

    public async Task InitializeAsync()
    {
        _dav = await RadicaleBackedServer.StartAsync(dovecot, "eas-it-caldav-down-", port =>
        [
            "--Eas:Pim:Store=dav",
            $"--Eas:Pim:CardDav:UrlTemplate=http://127.0.0.1:{port}/{{user}}/",
            $"--Eas:Pim:CalDav:UrlTemplate=http://127.0.0.1:{port}/",
            "--Eas:Pim:CardDav:TimeoutSeconds=5",
            "--Eas:Pim:CalDav:TimeoutSeconds=5",
        ]);
        _server = _dav.Server;
    }

    public async Task DisposeAsync() => await _dav.DisposeAsync();

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_17_with_the_CalDAV_server_down_the_calendar_answers_Status_16_keeps_the_key_and_the_same_key_syncs_what_was_waiting()
    {
        var user = MailboxUser.Create(dovecot, "cdown");
        _dav.Radicale.AddUser(user.Address, user.Password);
        var phone = await SyncingPhone.StartAsync(_server, user, "16.1", "CdDown");
        var calendar = phone.Folders.Values.Single(f => f.Type == "8").Id;
        await PimRequests.SyncAsync(phone, calendar);
        (await PimRequests.SyncAsync(phone, calendar)).ValueOf(AirSync.Status).ShouldBe("1");
        var key = phone.Keys[calendar];
        (await PutAsync(user, "calendar/waiting-1.ics", Event)).ShouldBe(HttpStatusCode.Created);

        await _dav.WhileRadicaleDownAsync(async () =>
        {
            var down = await PimRequests.SyncAsync(phone, calendar);
            down.ValueOf(AirSync.Status).ShouldBe("16", "Retry (MS-ASCMD 2.2.3.177.17): a store outage is retriable, never Status 3");
            down.ValueOf(AirSync.SyncKey).ShouldBe(key, "the phone's key is kept, never reset");
        });

        var back = await PimRequests.SyncAsync(phone, calendar, key: key);
        back.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(back).ShouldHaveSingleItem().Data.ValueOf(Calendar.Subject).ShouldBe("Waiting out the outage", "nothing was lost: the event arrives once the store is back");
    }

    private async Task<HttpStatusCode> PutAsync(MailboxUser user, string path, string icalendar)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_dav.Radicale.HomeUrl(user.Address), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Address}:{user.Password}")));
        request.Content = new StringContent(icalendar, Encoding.UTF8, "text/calendar");
        using var other = new HttpClient();
        using var response = await other.SendAsync(request);
        return response.StatusCode;
    }
}
