using Eas.Integration.Tests.Support;
using Eas.Mail.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using Microsoft.Extensions.DependencyInjection;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// The PIM engine with every class registered (issue 16): calendar, tasks and notes folders of the IMAP store in
/// the hierarchy, synced, created, moved between and switched off like contacts, over real HTTP against Dovecot. The
/// real calendar, tasks and notes codecs are other work: these tests register test-only stand-ins
/// (<see cref="TestPimCodec"/>) through the host's <c>PimCodecs</c> service, so they prove the engine's wiring, not
/// the mapping of any field.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class PimClassesTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerInstance.StartAsync(dovecot, null, builder => builder.Services.AddSingleton(TestPimCodec.AllKinds), AdminClient.RootArgs);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(MailboxUser User, SyncingPhone Phone)> StartAsync(string device)
    {
        var user = MailboxUser.Create(dovecot, "pimc");
        return (user, await SyncingPhone.StartAsync(_server, user, "16.1", device));
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_186_3_a_fresh_account_lists_Calendar_8_Tasks_7_and_Notes_10_once_each()
    {
        var user = MailboxUser.Create(dovecot, "pimc");
        var phone = new SyncingPhone(_server.Phone(user.Address, user.Password, "PcFresh", "16.1"));
        await phone.Client.ProvisionAsync();

        var hierarchy = await phone.FolderSyncAsync();

        var adds = hierarchy.Element(FolderHierarchy.Changes)!.Elements(FolderHierarchy.Add)
            .Select(a => (Name: a.ValueOf(FolderHierarchy.DisplayName), Type: a.ValueOf(FolderHierarchy.Type), Parent: a.ValueOf(FolderHierarchy.ParentId))).ToList();
        adds.Where(a => a.Name is "Calendar" or "Tasks" or "Notes" or "Contacts").OrderBy(a => a.Type)
            .ShouldBe([("Tasks", "7", "0"), ("Calendar", "8", "0"), ("Contacts", "9", "0"), ("Notes", "10", "0")]);
        adds.Count(a => a.Type is "12" && a.Name is "Calendar" or "Tasks" or "Notes").ShouldBe(0, "the store's folders are no mail folders");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_21_a_calendar_item_syncs_both_ways_through_the_IMAP_Calendar_folder()
    {
        var (user, phone) = await StartAsync("PcCal");
        var calendar = phone.IdOf("Calendar");
        (await PimRequests.SyncAsync(phone, calendar)).ValueOf(AirSync.Status).ShouldBe("1");
        await PimRequests.AppendAsync(user, "Calendar", "ev-store", TestPimCodec.Text(PimKind.Calendar, "ev-store", "Standup", DateTimeOffset.UtcNow.AddDays(1)));

        var first = await PimRequests.SyncAsync(phone, calendar, [ContactRequests.Add("c1", WithText(Calendar.Subject, "Dentist"), WithText(Calendar.StartTime, "20261210T090000Z"))]);

        first.ValueOf(AirSync.Status).ShouldBe("1");
        first.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(first).Select(a => a.Data.ValueOf(Calendar.Subject)).ShouldBe(["Standup"], "the store's event reaches the phone, its own does not come back");
        var stored = await PimRequests.StoredAsync(user, "Calendar");
        stored.Count.ShouldBe(2);
        stored.ShouldContain(s => s.Text.Contains("SUMMARY:Dentist", StringComparison.Ordinal) && s.Text.Contains("BEGIN:VEVENT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_3_folders_of_each_class_are_created_below_their_own_kind_and_items_move_only_within_it()
    {
        var (_, phone) = await StartAsync("PcFold");
        var calendar = phone.IdOf("Calendar");
        var contacts = phone.IdOf("Contacts");

        var created = await phone.Client.PostAsync("FolderCreate", Create(phone.HierarchyKey, calendar, "Team", "13"));
        created.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        phone.SetHierarchyKey(created.Body.ValueOf(FolderHierarchy.SyncKey)!);
        var team = created.Body.ValueOf(FolderHierarchy.ServerId)!;
        var refused = await phone.Client.PostAsync("FolderCreate", Create(phone.HierarchyKey, calendar, "Chores", "15"));
        refused.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("5", "a calendar is no parent for a tasks folder (MS-ASCMD 2.2.3.177.3)");
        var deleteDefault = await phone.Client.PostAsync("FolderDelete", WithChildren(FolderHierarchy.FolderDelete,
            WithText(FolderHierarchy.SyncKey, phone.HierarchyKey), WithText(FolderHierarchy.ServerId, calendar)));
        deleteDefault.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("3", "the default calendar cannot be deleted (MS-ASCMD 2.2.3.177.4)");

        await PimRequests.SyncAsync(phone, calendar);
        var added = await PimRequests.SyncAsync(phone, calendar, [ContactRequests.Add("m1", WithText(Calendar.Subject, "Review"))]);
        var item = added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.ServerId)!;
        await PimRequests.SyncAsync(phone, team);
        var within = await phone.Client.PostAsync("MoveItems", Moving(item, calendar, team));
        var across = await phone.Client.PostAsync("MoveItems", Moving(item, team, contacts));

        within.Body!.Element(Move.Response)!.ValueOf(Move.Status).ShouldBe("3");
        across.Body!.Element(Move.Response)!.ValueOf(Move.Status).ShouldBe("2", "a calendar item cannot move into a contacts folder (MS-ASCMD 2.2.3.177.9)");
        (await phone.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("1");
        phone.Folders["Team"].ShouldBe((team, "13", calendar));
    }

    [Fact]
    public async Task The_Pim_switch_takes_calendar_tasks_and_notes_out_of_the_hierarchy_and_leaves_contacts()
    {
        var (user, phone) = await StartAsync("PcSwitch");
        var calendar = phone.IdOf("Calendar");
        await PimRequests.SyncAsync(phone, calendar);
        var admin = _server.Admin();

        await admin.PutAsync($"/accounts/{user.Address}", new { pim = false });

        (await PimRequests.SyncAsync(phone, calendar)).ValueOf(AirSync.Status).ShouldBe("12");
        await phone.FolderSyncAsync();
        phone.Folders.Keys.ShouldNotContain("Calendar");
        phone.Folders.Keys.ShouldNotContain("Tasks");
        phone.Folders.Keys.ShouldNotContain("Notes");
        phone.Folders.ShouldContainKey("Contacts");
        await admin.PutAsync($"/accounts/{user.Address}", new { });
        await phone.FolderSyncAsync();
        phone.IdOf("Calendar").ShouldBe(calendar);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_68_2_a_calendar_window_keeps_old_events_off_the_phone_until_the_filter_widens_and_soft_deletes_them_when_it_narrows()
    {
        var (user, phone) = await StartAsync("PcWindow");
        var calendar = phone.IdOf("Calendar");
        var now = DateTimeOffset.UtcNow;
        await PimRequests.AppendAsync(user, "Calendar", "ev-old", TestPimCodec.Text(PimKind.Calendar, "ev-old", "Old", now.AddDays(-60)));
        await PimRequests.AppendAsync(user, "Calendar", "ev-new", TestPimCodec.Text(PimKind.Calendar, "ev-new", "New", now.AddDays(1)));
        (await PimRequests.SyncAsync(phone, calendar, filter: TwoWeeks)).ValueOf(AirSync.Status).ShouldBe("1");

        var estimate = await EstimateAsync(phone, calendar, TwoWeeks);
        var twoWeeks = await PimRequests.SyncAsync(phone, calendar, filter: TwoWeeks);
        var quiet = await PimRequests.SyncAsync(phone, calendar, filter: TwoWeeks);
        var widened = await PimRequests.SyncAsync(phone, calendar, filter: NoFilter);
        var narrowed = await PimRequests.SyncAsync(phone, calendar, filter: TwoWeeks);

        estimate.ShouldBe("1", "GetItemEstimate counts only what the window lets through (MS-ASCMD 2.2.3.68.1)");
        SyncingPhone.AddsOf(twoWeeks).Select(a => a.Data.ValueOf(Calendar.Subject)).ShouldBe(["New"]);
        quiet.Element(AirSync.Commands).ShouldBeNull("an event kept out is not read again until it changes");
        var (oldId, oldData) = SyncingPhone.AddsOf(widened).ShouldHaveSingleItem();
        oldData.ValueOf(Calendar.Subject).ShouldBe("Old");
        SyncingPhone.CommandsOf(narrowed, AirSync.SoftDelete).Select(d => d.ValueOf(AirSync.ServerId)).ShouldBe([oldId], "MS-ASCMD 2.2.3.172");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_42_2_a_16_x_Delete_with_an_InstanceId_removes_one_occurrence_and_is_Status_6_for_a_class_without_occurrences()
    {
        var (user, phone) = await StartAsync("PcInst");
        var calendar = phone.IdOf("Calendar");
        var tasks = phone.IdOf("Tasks");
        await PimRequests.SyncAsync(phone, calendar);
        await PimRequests.SyncAsync(phone, tasks);
        var series = (await PimRequests.SyncAsync(phone, calendar, [ContactRequests.Add("s1", WithText(Calendar.Subject, "Weekly"))]))
            .Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.ServerId)!;
        var task = (await PimRequests.SyncAsync(phone, tasks, [ContactRequests.Add("t1", WithText(Tasks.Subject, "Water plants"))]))
            .Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.ServerId)!;

        var deleted = await PimRequests.SyncAsync(phone, calendar, [InstanceDelete(series, "20261209T100000Z")]);
        var refused = await PimRequests.SyncAsync(phone, tasks, [InstanceDelete(task, "20261209T100000Z")]);

        deleted.ValueOf(AirSync.Status).ShouldBe("1");
        deleted.Element(AirSync.Responses).ShouldBeNull("a successful delete is not answered (MS-ASCMD 2.2.3.42.2)");
        deleted.Element(AirSync.Commands).ShouldBeNull("the phone's own change is not sent back");
        (await PimRequests.StoredAsync(user, "Calendar")).ShouldHaveSingleItem().Text.ShouldContain("EXDATE:20261209T100000Z");
        var answer = refused.Element(AirSync.Responses)!.Element(AirSync.Delete)!;
        (answer.ValueOf(AirSync.ServerId), answer.ValueOf(AirSyncBase.InstanceId), answer.ValueOf(AirSync.Status)).ShouldBe((task, "20261209T100000Z", "6"));
        (await PimRequests.StoredAsync(user, "Tasks")).ShouldHaveSingleItem("the task is still there");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_an_event_another_client_adds_answers_a_Ping_on_the_calendar()
    {
        var (user, phone) = await StartAsync("PcPing");
        var calendar = phone.IdOf("Calendar");
        await PimRequests.SyncAsync(phone, calendar);
        await PimRequests.SyncAsync(phone, calendar);

        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(120, calendar));
        await PimRequests.AppendAsync(user, "Calendar", "ev-push", TestPimCodec.Text(PimKind.Calendar, "ev-push", "Pushed", DateTimeOffset.UtcNow));
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(15))).Body!;

        response.ValueOf(Ping.Status).ShouldBe("2");
        response.Element(Ping.Folders)!.ValueOf(Ping.Folder).ShouldBe(calendar);
    }

    private const int NoFilter = 0;

    private const int TwoWeeks = 4;

    private static WbxmlElement InstanceDelete(string serverId, string instanceId) =>
        WithChildren(AirSync.Delete, WithText(AirSync.ServerId, serverId), WithText(AirSyncBase.InstanceId, instanceId));

    private static async Task<string?> EstimateAsync(SyncingPhone phone, string folder, int filter)
    {
        var collection = WithChildren(GetItemEstimate.Collection,
            WithText(AirSync.SyncKey, phone.Keys[folder]), WithText(GetItemEstimate.CollectionId, folder),
            WithChildren(AirSync.Options, WithText(AirSync.FilterType, filter.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var response = (await phone.Client.PostAsync("GetItemEstimate", WithChildren(GetItemEstimate.GetItemEstimateElement, WithChildren(GetItemEstimate.Collections, collection)))).Body!;
        var result = response.Element(GetItemEstimate.Response)!;
        result.ValueOf(GetItemEstimate.Status).ShouldBe("1");
        return result.Element(GetItemEstimate.Collection)!.ValueOf(GetItemEstimate.Estimate);
    }

    private static WbxmlElement Create(string key, string parentId, string name, string type) =>
        WithChildren(FolderHierarchy.FolderCreate,
            WithText(FolderHierarchy.SyncKey, key), WithText(FolderHierarchy.ParentId, parentId),
            WithText(FolderHierarchy.DisplayName, name), WithText(FolderHierarchy.Type, type));

    private static WbxmlElement Moving(string item, string from, string to) =>
        WithChildren(Move.MoveItems, WithChildren(Move.MoveElement,
            WithText(Move.SrcMsgId, item), WithText(Move.SrcFldId, from), WithText(Move.DstFldId, to)));
}
