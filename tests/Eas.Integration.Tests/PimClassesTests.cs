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

    private static WbxmlElement Create(string key, string parentId, string name, string type) =>
        WithChildren(FolderHierarchy.FolderCreate,
            WithText(FolderHierarchy.SyncKey, key), WithText(FolderHierarchy.ParentId, parentId),
            WithText(FolderHierarchy.DisplayName, name), WithText(FolderHierarchy.Type, type));

    private static WbxmlElement Moving(string item, string from, string to) =>
        WithChildren(Move.MoveItems, WithChildren(Move.MoveElement,
            WithText(Move.SrcMsgId, item), WithText(Move.SrcFldId, from), WithText(Move.DstFldId, to)));
}
