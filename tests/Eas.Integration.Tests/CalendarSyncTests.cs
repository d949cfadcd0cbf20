using System.Collections.Immutable;
using Eas.Actors.Sync.Calendar;
using Eas.Actors.Sync.Calendar.TimeZones;
using Eas.Actors.Sync.Contacts;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using NodaTime;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// Calendar sync with the real calendar codec (MS-ASCAL over the IMAP store's Calendar folder) end to end over real
/// HTTP against Dovecot: a phone's series reaches a second device unchanged, an event another client writes into the
/// folder reaches the phone, and the FilterType window keeps old events off it. The breadth of fields and rules is in
/// the unit tests (Eas.Actors.Tests, Sync/Calendar).
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class CalendarSyncTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>
    /// A weekly Wednesday series in Berlin at 10:00 local from 18 March 2026, six times, across the change to summer
    /// time on 29 March; 25 March deleted, 1 April moved to 2 April 14:00 local.
    /// </summary>
    private static CalendarItem DstSeries()
    {
        var berlin = EasTimeZone.FromZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"], 2026);
        return new CalendarItem
        {
            Body = "Agenda",
            Categories = ["Work"],
            Recurrence = ImmutableDictionary<ushort, string>.Empty.Add(Calendar.Type, "1").Add(Calendar.Occurrences, "6")
                .Add(Calendar.Interval, "1").Add(Calendar.DayOfWeek, "8"),
            Exceptions =
            [
                new CalendarException("20260325T090000Z", true, CalendarItem.Empty),
                new CalendarException("20260401T080000Z", false, CalendarItem.Empty
                    .With(Calendar.Subject, "Moved review").With(Calendar.StartTime, "20260402T120000Z").With(Calendar.EndTime, "20260402T130000Z")),
            ],
        }
        .With(Calendar.Timezone, berlin.ToBase64()).With(Calendar.AllDayEvent, "0").With(Calendar.BusyStatus, "2")
        .With(Calendar.DtStamp, "20260301T100000Z").With(Calendar.EndTime, "20260318T100000Z").With(Calendar.Reminder, "15")
        .With(Calendar.Sensitivity, "0").With(Calendar.Subject, "Weekly review").With(Calendar.StartTime, "20260318T090000Z")
        .With(Calendar.UID, "dst-series-" + Guid.NewGuid().ToString("N")).With(Calendar.MeetingStatus, "0").With(Calendar.Location, "Room 1");
    }

    [Fact]
    public async Task MS_ASCAL_2_2_2_a_DST_series_a_phone_adds_reaches_a_second_device_unchanged()
    {
        var user = MailboxUser.Create(dovecot, "cal");
        var first = await SyncingPhone.StartAsync(_server, user, "16.1", "CalDst1");
        var second = await SyncingPhone.StartAsync(_server, user, "16.1", "CalDst2");
        var item = DstSeries();
        var data = CalendarWbxml.Build(item, ProtocolVersion.V161, ContactBodyOptions.Default);
        var calendar = first.IdOf("Calendar");
        await PimRequests.SyncAsync(first, calendar);

        var sent = CalendarWbxml.Build(item, ProtocolVersion.V161, ContactBodyOptions.Default);
        var added = await PimRequests.SyncAsync(first, calendar, [WithChildren(AirSync.Add, WithText(AirSync.ClientId, "c1"), sent)]);
        await PimRequests.SyncAsync(second, calendar);
        var received = await PimRequests.SyncAsync(second, calendar);

        added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.Status).ShouldBe("1");
        var (_, arrived) = SyncingPhone.AddsOf(received).ShouldHaveSingleItem();
        WbxmlXml.ToXml(arrived).ShouldBe(WbxmlXml.ToXml(data));
        var stored = (await PimRequests.StoredAsync(user, "Calendar")).ShouldHaveSingleItem().Text;
        stored.ShouldContain("DTSTART;TZID=Europe/Berlin:20260318T100000");
        stored.ShouldContain("EXDATE;TZID=Europe/Berlin:20260325T100000");
        stored.ShouldContain("RECURRENCE-ID;TZID=Europe/Berlin:20260401T100000");
    }

    [Fact]
    public async Task MS_ASCAL_2_2_2_44_an_event_another_client_appends_reaches_the_phone_in_its_zone()
    {
        var user = MailboxUser.Create(dovecot, "cal");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "CalStore");
        var calendar = phone.IdOf("Calendar");
        await PimRequests.SyncAsync(phone, calendar);
        await PimRequests.AppendAsync(user, "Calendar", "ny-1", Event("ny-1", "DTSTART;TZID=America/New_York:20261105T090000\r\nDTEND;TZID=America/New_York:20261105T100000\r\nRRULE:FREQ=WEEKLY;COUNT=3", "Standup"));

        var synced = await PimRequests.SyncAsync(phone, calendar);

        var (_, data) = SyncingPhone.AddsOf(synced).ShouldHaveSingleItem();
        data.ValueOf(Calendar.Subject).ShouldBe("Standup");
        data.ValueOf(Calendar.StartTime).ShouldBe("20261105T140000Z");
        var zone = EasTimeZone.FromBase64(data.ValueOf(Calendar.Timezone)!);
        zone.SameRules(EasTimeZone.FromZone(DateTimeZoneProviders.Tzdb["America/New_York"], 2026), 2026).ShouldBeTrue();
        data.Element(Calendar.Recurrence)!.ValueOf(Calendar.Type).ShouldBe("1");
        data.Element(Calendar.Recurrence)!.ValueOf(Calendar.DayOfWeek).ShouldBe("16");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_68_a_two_week_window_sends_new_events_and_series_still_running_not_old_ones()
    {
        var user = MailboxUser.Create(dovecot, "cal");
        var phone = await SyncingPhone.StartAsync(_server, user, "16.1", "CalWindow");
        var calendar = phone.IdOf("Calendar");
        var now = DateTime.UtcNow;
        string Local(DateTime t) => t.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        await PimRequests.AppendAsync(user, "Calendar", "old", Event("old", $"DTSTART;TZID=Europe/Berlin:{Local(now.AddDays(-60))}\r\nDURATION:PT1H", "Old"));
        await PimRequests.AppendAsync(user, "Calendar", "running", Event("running", $"DTSTART;TZID=Europe/Berlin:{Local(now.AddDays(-90))}\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY", "Running"));
        await PimRequests.AppendAsync(user, "Calendar", "ended", Event("ended", $"DTSTART;TZID=Europe/Berlin:{Local(now.AddDays(-90))}\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY;COUNT=3", "Ended"));
        await PimRequests.AppendAsync(user, "Calendar", "soon", Event("soon", $"DTSTART;TZID=Europe/Berlin:{Local(now.AddDays(2))}\r\nDURATION:PT1H", "Soon"));
        await PimRequests.SyncAsync(phone, calendar, filter: 4);

        var synced = await PimRequests.SyncAsync(phone, calendar, filter: 4);

        SyncingPhone.AddsOf(synced).Select(a => a.Data.ValueOf(Calendar.Subject)).Order().ShouldBe(["Running", "Soon"]);
    }

    private static string Event(string uid, string times, string subject) =>
        $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n{times}\r\nSUMMARY:{subject}\r\nX-OTHER-CLIENT:kept\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}
