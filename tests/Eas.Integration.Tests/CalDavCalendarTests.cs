using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Actors.Sync.Calendar;
using Eas.Actors.Sync.Calendar.TimeZones;
using Eas.Actors.Sync.Pim;
using Eas.Integration.Tests.Support;
using Eas.Mail.LocalRadicale;
using Eas.Mail.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using NodaTime;
using Microsoft.Extensions.DependencyInjection;
using static Eas.Wire.Wbxml.WbxmlElement;
using Calendar = Eas.Wire.CodePages.Calendar;

namespace Eas.Integration.Tests;

/// <summary>
/// Calendars, tasks and notes in a CalDAV server (issue 16): the server started with <c>Eas:Pim:Store=dav</c>, contacts
/// on CardDAV and the rest on CalDAV in one private Radicale, the calendar home found by discovery from the server's
/// root (RFC 4791 6.2.1). Radicale's users have the Dovecot users' passwords; the collections are read and written
/// with plain HTTP as another CalDAV client would. Calendars are served by the real <see cref="CalendarCodec"/>; tasks
/// and notes by the PIM engine's test-only stand-ins (<see cref="TestPimCodec"/>), which only need to make their folders.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class CalDavCalendarTests(DovecotFixture dovecot) : IAsyncLifetime
{
    /// <summary>The shortest poll interval the options accept, so a change made in Radicale reaches a parked Ping soon.</summary>
    private const int PimPollSeconds = 5;

    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>The codecs the server serves: the real ones for every class (the calendar's, the tasks' and the notes').</summary>
    private static readonly PimCodecs Codecs = PimCodecs.Default;

    private ServerInstance _server = null!;
    private RadicaleInstance _radicale = null!;
    private string _radicaleData = null!;

    public async Task InitializeAsync()
    {
        _radicaleData = Directory.CreateTempSubdirectory("eas-it-caldav-").FullName;
        _radicale = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = _radicaleData });
        _server = await ServerInstance.StartAsync(dovecot, null, builder => builder.Services.AddSingleton(Codecs),
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

    private async Task<(MailboxUser User, SyncingPhone Phone)> StartAsync(string device, MailboxUser? user = null)
    {
        if (user is null)
        {
            user = MailboxUser.Create(dovecot, "cdav");
            _radicale.AddUser(user.Address, user.Password);
        }

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

    /// <summary>Local Berlin time as the compact UTC form of MS-ASDTYPE 2.3 (<c>yyyyMMddTHHmmssZ</c>).</summary>
    private static string Utc(int month, int day, int hour) =>
        new LocalDateTime(2026, month, day, hour, 0).InZoneStrictly(Berlin).ToInstant().ToString("uuuuMMdd'T'HHmmss'Z'", null);

    /// <summary>
    /// A weekly series on Mondays 09:00–10:00 Berlin time from 9 March 2026, six occurrences, across the switch to
    /// summer time on 29 March: the occurrence of 23 March deleted, the one of 6 April moved to Tuesday 7 April
    /// 10:00–11:00 (Exceptions, MS-ASCAL 2.2.2.21 and 2.2.2.22); in 16.x an exception names its occurrence by
    /// airsyncbase:InstanceId, not ExceptionStartTime (MS-ASAIRS 2.2.2.25).
    /// </summary>
    private static WbxmlElement[] Series() =>
    [
        WithText(Calendar.Timezone, EasTimeZone.FromZone(Berlin, 2026).ToBase64()),
        WithText(Calendar.AllDayEvent, "0"),
        WithText(Calendar.BusyStatus, "2"),
        WithText(Calendar.DtStamp, "20260301T120000Z"),
        WithText(Calendar.StartTime, Utc(3, 9, 9)),
        WithText(Calendar.EndTime, Utc(3, 9, 10)),
        WithText(Calendar.Subject, "Team sync"),
        WithText(Calendar.Sensitivity, "0"),
        WithText(Calendar.MeetingStatus, "0"),
        WithChildren(Calendar.Recurrence,
            WithText(Calendar.Type, "1"),
            WithText(Calendar.Interval, "1"),
            WithText(Calendar.DayOfWeek, "2"),
            WithText(Calendar.Occurrences, "6")),
        WithChildren(Calendar.Exceptions,
            WithChildren(Calendar.Exception,
                WithText(Calendar.Deleted, "1"),
                WithText(AirSyncBase.InstanceId, Utc(3, 23, 9))),
            WithChildren(Calendar.Exception,
                WithText(AirSyncBase.InstanceId, Utc(4, 6, 9)),
                WithText(Calendar.StartTime, Utc(4, 7, 10)),
                WithText(Calendar.EndTime, Utc(4, 7, 11)))),
    ];

    [Fact]
    public async Task MS_ASCAL_2_2_2_22_a_weekly_series_with_a_moved_and_a_deleted_occurrence_across_DST_round_trips_phone_to_Radicale_to_a_second_phone()
    {
        var (user, phone) = await StartAsync("CdSeries");
        var types = phone.Folders.Values.Where(f => f.Type is "7" or "8" or "9" or "10").Select(f => f.Type).Order().ToList();
        types.ShouldBe(["10", "7", "8", "9"], "one default folder per class from the DAV store: notes, tasks, calendar, contacts (MS-ASCMD 2.2.3.186.3)");
        var calendar = phone.Folders.Values.Single(f => f.Type == "8").Id;
        await PimRequests.SyncAsync(phone, calendar);

        var added = await PimRequests.SyncAsync(phone, calendar, [ContactRequests.Add("s1", Series())]);

        added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.Status).ShouldBe("1");
        var stored = await OtherClientAsync(HttpMethod.Get, user, "calendar/");
        stored.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await stored.Content.ReadAsStringAsync();
        text.ShouldContain("RRULE:FREQ=WEEKLY");
        text.ShouldContain("EXDATE");
        text.ShouldContain("RECURRENCE-ID");

        var (_, second) = await StartAsync("CdSeries2", user);
        var secondCalendar = second.Folders.Values.Single(f => f.Type == "8").Id;
        await PimRequests.SyncAsync(second, secondCalendar);
        var data = SyncingPhone.AddsOf(await PimRequests.SyncAsync(second, secondCalendar)).ShouldHaveSingleItem().Data;

        data.ValueOf(Calendar.Subject).ShouldBe("Team sync");
        data.ValueOf(Calendar.StartTime).ShouldBe(Utc(3, 9, 9));
        data.ValueOf(Calendar.EndTime).ShouldBe(Utc(3, 9, 10));
        EasTimeZone.FromBase64(data.ValueOf(Calendar.Timezone)!).SameRules(EasTimeZone.FromZone(Berlin, 2026), 2026).ShouldBeTrue();
        var recurrence = data.Element(Calendar.Recurrence)!;
        (recurrence.ValueOf(Calendar.Type), recurrence.ValueOf(Calendar.Interval), recurrence.ValueOf(Calendar.DayOfWeek), recurrence.ValueOf(Calendar.Occurrences))
            .ShouldBe(("1", "1", "2", "6"));
        var exceptions = data.Element(Calendar.Exceptions)!.Elements(Calendar.Exception).OrderBy(e => e.ValueOf(AirSyncBase.InstanceId)).ToList();
        exceptions.Count.ShouldBe(2);
        exceptions[0].ValueOf(AirSyncBase.InstanceId).ShouldBe(Utc(3, 23, 9));
        exceptions[0].ValueOf(Calendar.Deleted).ShouldBe("1");
        exceptions[1].ValueOf(AirSyncBase.InstanceId).ShouldBe(Utc(4, 6, 9));
        exceptions[1].ValueOf(Calendar.StartTime).ShouldBe(Utc(4, 7, 10));
        exceptions[1].ValueOf(Calendar.EndTime).ShouldBe(Utc(4, 7, 11));
        exceptions[1].ValueOf(Calendar.Deleted).ShouldNotBe("1");
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

        const string Event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//Client//EN\r\nBEGIN:VEVENT\r\nUID:web-1\r\nDTSTAMP:20260301T120000Z\r\n"
            + "DTSTART:20261210T090000Z\r\nDTEND:20261210T100000Z\r\nSUMMARY:Made on the web\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var put = await OtherClientAsync(HttpMethod.Put, user, "calendar/web-1.ics", Event);
        put.StatusCode.ShouldBe(HttpStatusCode.Created);
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(PimPollSeconds * 4))).Body!;

        response.ValueOf(Ping.Status).ShouldBe("2", "the calendar's sync-token moved (RFC 6578 4), found by polling");
        response.Element(Ping.Folders)!.ValueOf(Ping.Folder).ShouldBe(calendar);
        var synced = await PimRequests.SyncAsync(phone, calendar);
        SyncingPhone.AddsOf(synced).ShouldHaveSingleItem().Data.ValueOf(Calendar.Subject).ShouldBe("Made on the web");
    }
}
