using System.Net;
using Eas.Mail.Pim;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Pim;

/// <summary>The CalDAV adapter against a real Radicale 3.1 (RFC 4791, RFC 6578), discovering each user's home from the server's root.</summary>
public sealed class CalDavPimStoreTests(RadicaleFixture radicale) : IClassFixture<RadicaleFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Ics = "text/calendar";

    [Fact]
    public async Task RFC4791_6_2_1_the_calendar_home_is_found_through_the_principal_and_the_default_calendar_is_created_there()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);

        var first = await store.ListCollectionsAsync(PimKind.Calendar, None);
        var again = await store.ListCollectionsAsync(PimKind.Calendar, None);
        var direct = await radicale.OtherClientAsync(new HttpMethod("PROPFIND"), user, password, "calendar/", null, Ics, ("Depth", "0"));

        first.ShouldHaveSingleItem().ShouldBe(new PimCollection("calendar", PimKind.Calendar, "Calendar", null, true));
        again.ShouldBe(first);
        direct.StatusCode.ShouldBe(HttpStatusCode.MultiStatus);
        (await store.ListCollectionsAsync(PimKind.Contacts, None)).ShouldBeEmpty();
        store.Kind.ShouldBe("caldav");
    }

    [Fact]
    public async Task RFC4791_5_3_1_each_kind_gets_a_default_collection_that_supports_only_its_component()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);

        var calendars = await store.ListCollectionsAsync(PimKind.Calendar, None);
        var tasks = await store.ListCollectionsAsync(PimKind.Tasks, None);
        var notes = await store.ListCollectionsAsync(PimKind.Notes, None);
        var calendarsAgain = await store.ListCollectionsAsync(PimKind.Calendar, None);
        var props = await (await radicale.OtherClientAsync(new HttpMethod("PROPFIND"), user, password, "tasks/", null, Ics, ("Depth", "0"))).Content.ReadAsStringAsync();

        tasks.ShouldHaveSingleItem().ShouldBe(new PimCollection("tasks", PimKind.Tasks, "Tasks", null, true));
        notes.ShouldHaveSingleItem().ShouldBe(new PimCollection("notes", PimKind.Notes, "Notes", null, true));
        calendarsAgain.ShouldBe(calendars);
        props.ShouldContain("VTODO");
        props.ShouldNotContain("VEVENT");
    }

    [Fact]
    public async Task RFC4791_5_2_3_a_collection_of_several_kinds_is_listed_per_kind_and_each_view_sees_only_its_component()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);
        await store.ListCollectionsAsync(PimKind.Calendar, None);
        (await radicale.OtherClientAsync(new HttpMethod("MKCALENDAR"), user, password, "mixed/")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var meeting = await store.CreateAsync("mixed/VEVENT", "meeting", RadicaleFixture.ICalendar("meeting", "Meeting"), None);
        var chore = await store.CreateAsync("mixed/VTODO", "chore", RadicaleFixture.ICalendar("chore", "Chore", "VTODO"), None);

        var calendars = await store.ListCollectionsAsync(PimKind.Calendar, None);
        var tasks = await store.ListCollectionsAsync(PimKind.Tasks, None);
        var events = await store.GetChangesAsync("mixed/VEVENT", null, None);
        var todos = await store.GetChangesAsync("mixed/VTODO", null, None);
        var quiet = await store.GetChangesAsync("mixed/VEVENT", events.Token, None);
        await store.CreateAsync("mixed/VTODO", "later", RadicaleFixture.ICalendar("later", "Later", "VTODO"), None);
        var afterTodo = await store.GetChangesAsync("mixed/VEVENT", events.Token, None);

        calendars.Select(c => c.Id).ShouldBe(["calendar", "mixed/VEVENT"]);
        tasks.Select(c => c.Id).ShouldBe(["mixed/VTODO"]);
        tasks[0].IsDefault.ShouldBeTrue();
        events.IsFullListing.ShouldBeTrue();
        events.Changed.ShouldBe([meeting]);
        todos.Changed.ShouldBe([chore]);
        quiet.IsFullListing.ShouldBeFalse();
        quiet.Changed.ShouldBeEmpty();
        afterTodo.Changed.ShouldBe([meeting]);
        await Should.ThrowAsync<PimItemRejectedException>(() => store.DeleteCollectionAsync("mixed/VTODO", None));
        (await store.GetAsync("mixed/VEVENT", ["meeting"], None)).ShouldHaveSingleItem().Content.ShouldContain("SUMMARY:Meeting");
    }

    [Fact]
    public async Task RFC4791_5_3_2_an_event_is_created_read_updated_and_deleted_with_its_etag()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);
        var calendar = (await store.ListCollectionsAsync(PimKind.Calendar, None))[0].Id;
        var id = Guid.NewGuid().ToString();

        var created = await store.CreateAsync(calendar, id, RadicaleFixture.ICalendar(id, "Planning"), None);
        var read = await store.GetAsync(calendar, [id, "missing"], None);
        var updated = await store.UpdateAsync(calendar, id, RadicaleFixture.ICalendar(id, "Planning again"), created.Version, None);
        var reread = await store.GetAsync(calendar, [id], None);
        await store.DeleteAsync(calendar, id, updated.Version, None);
        var gone = await store.GetAsync(calendar, [id], None);
        await store.DeleteAsync(calendar, id, null, None);
        var resource = await radicale.OtherClientAsync(HttpMethod.Get, user, password, $"calendar/{id}.ics");

        created.ItemId.ShouldBe(id);
        read.ShouldHaveSingleItem().Version.ShouldBe(created.Version);
        read[0].Content.ShouldContain("SUMMARY:Planning");
        updated.Version.ShouldNotBe(created.Version);
        reread.ShouldHaveSingleItem().Content.ShouldContain("SUMMARY:Planning again");
        reread[0].Version.ShouldBe(updated.Version);
        gone.ShouldBeEmpty();
        resource.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RFC9110_13_1_1_a_write_with_a_stale_etag_or_onto_an_existing_event_is_a_conflict()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);
        var calendar = (await store.ListCollectionsAsync(PimKind.Calendar, None))[0].Id;
        var first = await store.CreateAsync(calendar, "busy", RadicaleFixture.ICalendar("busy", "First"), None);
        await store.UpdateAsync(calendar, "busy", RadicaleFixture.ICalendar("busy", "Second"), first.Version, None);

        (await Should.ThrowAsync<PimConflictException>(() => store.UpdateAsync(calendar, "busy", RadicaleFixture.ICalendar("busy", "Third"), first.Version, None))).ItemId.ShouldBe("busy");
        await Should.ThrowAsync<PimConflictException>(() => store.DeleteAsync(calendar, "busy", first.Version, None));
        await Should.ThrowAsync<PimConflictException>(() => store.CreateAsync(calendar, "busy", RadicaleFixture.ICalendar("busy", "Again"), None));
        (await store.GetAsync(calendar, ["busy"], None)).ShouldHaveSingleItem().Content.ShouldContain("SUMMARY:Second");
    }

    [Fact]
    public async Task RFC4791_5_3_2_1_an_object_the_server_refuses_is_that_items_failure()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);
        var calendar = (await store.ListCollectionsAsync(PimKind.Calendar, None))[0].Id;

        var broken = await Should.ThrowAsync<PimItemRejectedException>(() => store.CreateAsync(calendar, "broken", "BEGIN:VCALENDAR\r\nEND:VEVENT\r\n", None));

        broken.ItemId.ShouldBe("broken");
        (await store.GetChangesAsync(calendar, null, None)).Changed.ShouldBeEmpty();
    }

    [Fact]
    public async Task RFC6578_3_5_events_another_client_added_changed_or_deleted_come_as_a_delta()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);
        var calendar = (await store.ListCollectionsAsync(PimKind.Calendar, None))[0].Id;
        var kept = await store.CreateAsync(calendar, "kept", RadicaleFixture.ICalendar("kept", "Kept"), None);
        await store.CreateAsync(calendar, "edited", RadicaleFixture.ICalendar("edited", "Before"), None);
        await store.CreateAsync(calendar, "doomed", RadicaleFixture.ICalendar("doomed", "Doomed"), None);
        var start = await store.GetChangesAsync(calendar, null, None);
        var tokenBefore = await store.GetTokenAsync(calendar, None);

        (await radicale.OtherClientAsync(HttpMethod.Put, user, password, "calendar/edited.ics", RadicaleFixture.ICalendar("edited", "After"), Ics)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await radicale.OtherClientAsync(HttpMethod.Put, user, password, "calendar/web-made", RadicaleFixture.ICalendar("web-made", "From the web"), Ics)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await radicale.OtherClientAsync(HttpMethod.Delete, user, password, "calendar/doomed.ics")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var delta = await store.GetChangesAsync(calendar, start.Token, None);
        var quiet = await store.GetChangesAsync(calendar, delta.Token, None);

        start.IsFullListing.ShouldBeTrue();
        start.Changed.Count.ShouldBe(3);
        start.Changed.ShouldContain(kept);
        delta.IsFullListing.ShouldBeFalse();
        delta.Changed.Select(c => c.ItemId).ShouldBe(["edited", "web-made/"], ignoreOrder: true);
        delta.Removed.ShouldBe(["doomed"]);
        (await store.GetTokenAsync(calendar, None)).ShouldNotBe(tokenBefore);
        quiet.Changed.ShouldBeEmpty();
        quiet.Removed.ShouldBeEmpty();
        (await store.GetAsync(calendar, ["web-made/"], None)).ShouldHaveSingleItem().Content.ShouldContain("SUMMARY:From the web");
    }

    [Fact]
    public async Task RFC4918_9_9_an_event_moves_between_two_calendars()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);
        var calendar = (await store.ListCollectionsAsync(PimKind.Calendar, None))[0].Id;
        var work = await store.CreateCollectionAsync(PimKind.Calendar, "Work", null, None);
        await store.CreateAsync(calendar, "mover", RadicaleFixture.ICalendar("mover", "Mover"), None);

        var moved = await store.MoveAsync(calendar, "mover", work.Id, None);

        moved.ItemId.ShouldBe("mover");
        (await store.GetAsync(calendar, ["mover"], None)).ShouldBeEmpty();
        (await store.GetAsync(work.Id, ["mover"], None)).ShouldHaveSingleItem().Version.ShouldBe(moved.Version);
        (await store.GetChangesAsync(work.Id, null, None)).Changed.ShouldBe([moved]);
    }

    [Fact]
    public async Task RFC4791_5_3_1_a_user_created_task_list_is_listed_renamed_and_deleted()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, password);
        await store.ListCollectionsAsync(PimKind.Tasks, None);

        var created = await store.CreateCollectionAsync(PimKind.Tasks, "Errands", null, None);
        await store.RenameCollectionAsync(created.Id, "Weekend errands", None);
        var listed = await store.ListCollectionsAsync(PimKind.Tasks, None);
        var calendars = await store.ListCollectionsAsync(PimKind.Calendar, None);
        await store.DeleteCollectionAsync(created.Id, None);
        var after = await store.ListCollectionsAsync(PimKind.Tasks, None);

        listed.ShouldContain(new PimCollection(created.Id, PimKind.Tasks, "Weekend errands", null, false));
        listed.Single(c => c.IsDefault).Id.ShouldBe("tasks");
        calendars.Select(c => c.Id).ShouldNotContain(created.Id);
        after.Select(c => c.Id).ShouldBe(["tasks"]);
    }

    [Fact]
    public async Task RFC7617_wrong_credentials_make_the_store_unavailable()
    {
        var (user, _) = radicale.NewUser();
        await using var store = radicale.CalDavStore(user, "not-the-password");

        await Should.ThrowAsync<PimStoreUnavailableException>(() => store.ListCollectionsAsync(PimKind.Calendar, None));
    }

    [Fact]
    public async Task RFC4791_5_3_1_a_default_name_taken_by_another_kind_gets_a_collection_of_its_own()
    {
        var (user, password) = radicale.NewUser();
        const string TasksOnly = "<?xml version=\"1.0\"?><C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop>"
            + "<C:supported-calendar-component-set><C:comp name=\"VTODO\"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>";
        (await radicale.OtherClientAsync(new HttpMethod("MKCALENDAR"), user, password, "calendar/", TasksOnly, "application/xml")).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var store = radicale.CalDavStore(user, password);

        var calendars = await store.ListCollectionsAsync(PimKind.Calendar, None);
        var tasks = await store.ListCollectionsAsync(PimKind.Tasks, None);

        calendars.ShouldHaveSingleItem().Id.ShouldStartWith("calendar-");
        calendars[0].IsDefault.ShouldBeTrue();
        tasks.Select(t => t.Id).ShouldBe(["calendar"]);
    }
}
