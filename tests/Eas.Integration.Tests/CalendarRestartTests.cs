using System.Globalization;
using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using Calendar = Eas.Wire.CodePages.Calendar;

namespace Eas.Integration.Tests;

/// <summary>
/// A server restart in the middle of a calendar's initial sync (the IMAP store's Calendar folder, a window smaller
/// than the folder, MS-ASCMD 2.2.3.199): the restarted server, on the same data directory, takes the phone's SyncKey
/// and sends the rest, so every appointment arrives exactly once and no Status 3 (invalid key) is ever answered.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class CalendarRestartTests(DovecotFixture dovecot)
{
    private const int Events = 5;
    private const int Window = 2;

    [Fact]
    public async Task MS_ASCMD_2_2_3_199_a_restart_mid_initial_sync_continues_from_the_phones_key_with_every_appointment_once()
    {
        var user = MailboxUser.Create(dovecot, "calrestart");
        var first = await ServerInstance.StartAsync(dovecot);
        var received = new List<string>();
        SyncingPhone phone;
        string calendar;
        try
        {
            phone = await SyncingPhone.StartAsync(first, user, "16.1", "CalRestart");
            calendar = phone.IdOf("Calendar");
            for (var i = 0; i < Events; i++)
                await PimRequests.AppendAsync(user, "Calendar", $"restart-{i}", Event($"restart-{i}", i));
            await PimRequests.SyncAsync(phone, calendar);
            var window = await WindowAsync(phone.Client, calendar, phone.Keys[calendar]);
            window.Element(AirSync.MoreAvailable).ShouldNotBeNull("the window is smaller than the folder");
            received.AddRange(Subjects(window));
            phone.Keys[calendar] = window.ValueOf(AirSync.SyncKey)!;
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var second = await ServerInstance.StartAsync(dovecot, first.DataDirectory);
        var again = second.Phone(user.Address, user.Password, "CalRestart", "16.1");
        again.PolicyKey = phone.Client.PolicyKey;
        var key = phone.Keys[calendar];
        for (var round = 0; round < Events; round++)
        {
            var window = await WindowAsync(again, calendar, key);
            window.ValueOf(AirSync.Status).ShouldBe("1", $"round {round}: the restarted server knows the phone's key {key}");
            received.AddRange(Subjects(window));
            key = window.ValueOf(AirSync.SyncKey)!;
            if (window.Element(AirSync.MoreAvailable) is null) break;
        }

        received.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, Events).Select(i => $"Appointment {i}"), "every appointment exactly once");
    }

    private static async Task<WbxmlElement> WindowAsync(EasTestClient phone, string calendar, string key)
    {
        var response = await phone.PostAsync("Sync", ContactRequests.Sync("16.1", calendar, key, windowSize: Window));
        response.Status.ShouldBe(HttpStatusCode.OK);
        return response.Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
    }

    private static IEnumerable<string> Subjects(WbxmlElement collection) =>
        SyncingPhone.AddsOf(collection).Select(a => a.Data.ValueOf(Calendar.Subject)!);

    private static string Event(string uid, int index)
    {
        var start = new DateTime(2026, 12, 14, 9, 0, 0, DateTimeKind.Utc).AddDays(index).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261201T000000Z\r\n"
            + $"DTSTART:{start}\r\nDURATION:PT1H\r\nSUMMARY:Appointment {index}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }
}
