using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// Tasks (MS-ASTASK) over real HTTP against Dovecot with the real tasks codec: VTODOs in the IMAP store's Tasks folder.
/// The field-by-field mapping is unit-tested (Eas.Actors.Tests Sync/Tasks); these prove the wiring.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class TasksSyncTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASTASK_2_2_2_7_a_task_completed_on_the_phone_is_completed_in_the_store()
    {
        var user = MailboxUser.Create(dovecot, "tasks");
        var phone = await SyncingPhone.StartAsync(_server, user, "16.1", "TaskDone");
        var tasks = phone.IdOf("Tasks");
        (await PimRequests.SyncAsync(phone, tasks)).ValueOf(AirSync.Status).ShouldBe("1");

        var added = await PimRequests.SyncAsync(phone, tasks, [ContactRequests.Add("t1",
            WithText(Tasks.Subject, "File the taxes"), WithText(Tasks.Complete, "0"),
            WithText(Tasks.UtcDueDate, "2026-12-09T23:00:00.000Z"), WithText(Tasks.DueDate, "2026-12-10T00:00:00.000Z"))]);
        added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.Status).ShouldBe("1");
        var serverId = added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.ServerId)!;
        (await PimRequests.StoredAsync(user, "Tasks")).ShouldHaveSingleItem().Text.ShouldContain("STATUS:NEEDS-ACTION");

        var changed = await PimRequests.SyncAsync(phone, tasks, [ContactRequests.Change(serverId,
            WithText(Tasks.Subject, "File the taxes"), WithText(Tasks.Complete, "1"), WithText(Tasks.DateCompleted, "2026-12-08T17:00:00.000Z"),
            WithText(Tasks.UtcDueDate, "2026-12-09T23:00:00.000Z"), WithText(Tasks.DueDate, "2026-12-10T00:00:00.000Z"))]);

        changed.ValueOf(AirSync.Status).ShouldBe("1");
        var stored = (await PimRequests.StoredAsync(user, "Tasks")).ShouldHaveSingleItem().Text;
        stored.ShouldContain("BEGIN:VTODO");
        stored.ShouldContain("STATUS:COMPLETED");
        stored.ShouldContain("COMPLETED:20261208T170000Z");
        stored.ShouldContain("DUE:20261209T230000Z");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_68_a_task_added_in_the_store_reaches_the_phone_and_FilterType_8_leaves_out_completed_ones()
    {
        var user = MailboxUser.Create(dovecot, "tasks");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "TaskStore");
        var tasks = phone.IdOf("Tasks");
        await PimRequests.AppendAsync(user, "Tasks", "open-1", Todo("open-1", "SUMMARY:Water the plants", "PRIORITY:1", "DUE;VALUE=DATE:20261224"));
        await PimRequests.AppendAsync(user, "Tasks", "done-1", Todo("done-1", "SUMMARY:Old chore", "STATUS:COMPLETED", "COMPLETED:20261201T100000Z"));
        (await PimRequests.SyncAsync(phone, tasks, filter: 8)).ValueOf(AirSync.Status).ShouldBe("1");

        var first = await PimRequests.SyncAsync(phone, tasks, filter: 8);

        var (_, data) = SyncingPhone.AddsOf(first).ShouldHaveSingleItem();
        data.ValueOf(Tasks.Subject).ShouldBe("Water the plants");
        data.ValueOf(Tasks.Importance).ShouldBe("2");
        data.ValueOf(Tasks.Complete).ShouldBe("0");
        data.ValueOf(Tasks.DueDate).ShouldBe("2026-12-24T00:00:00.000Z");
    }

    private static string Todo(string uid, params string[] lines) =>
        $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other client//EN\r\nBEGIN:VTODO\r\nUID:{uid}\r\nDTSTAMP:20261201T000000Z\r\n"
        + string.Concat(lines.Select(l => l + "\r\n")) + "END:VTODO\r\nEND:VCALENDAR\r\n";
}
