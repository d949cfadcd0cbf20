using Eas.Mail.Pim;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Pim;

/// <summary>The <c>dav</c> store: contacts over CardDAV and calendars over CalDAV, here in one Radicale home.</summary>
public sealed class KindRoutedPimStoreTests(RadicaleFixture radicale) : IClassFixture<RadicaleFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Each_kind_reaches_its_own_adapter_and_calendar_ids_name_their_store()
    {
        var (user, password) = radicale.NewUser();
        await using var store = new KindRoutedPimStore("dav", radicale.Store(user, password), radicale.CalDavStore(user, password));

        var books = await store.ListCollectionsAsync(PimKind.Contacts, None);
        var calendars = await store.ListCollectionsAsync(PimKind.Calendar, None);
        var tasks = await store.ListCollectionsAsync(PimKind.Tasks, None);
        var card = await store.CreateAsync(books[0].Id, "ann", RadicaleFixture.VCard("ann", "Ann"), None);
        var ev = await store.CreateAsync(calendars[0].Id, "standup", RadicaleFixture.ICalendar("standup", "Standup"), None);
        var errands = await store.CreateCollectionAsync(PimKind.Tasks, "Errands", null, None);
        await store.CreateAsync(tasks[0].Id, "milk", RadicaleFixture.ICalendar("milk", "Milk", "VTODO"), None);
        var moved = await store.MoveAsync(tasks[0].Id, "milk", errands.Id, None);

        store.Kind.ShouldBe("dav");
        books.Select(b => b.Id).ShouldBe(["contacts"]);
        calendars.Select(c => c.Id).ShouldBe(["cal/calendar"]);
        tasks.Select(c => c.Id).ShouldBe(["cal/tasks"]);
        errands.Id.ShouldStartWith(KindRoutedPimStore.CalendarPrefix);
        (await store.GetChangesAsync(books[0].Id, null, None)).Changed.ShouldBe([card]);
        (await store.GetChangesAsync(calendars[0].Id, null, None)).Changed.ShouldBe([ev]);
        (await store.GetChangesAsync(errands.Id, null, None)).Changed.ShouldBe([moved]);
        await Should.ThrowAsync<PimItemRejectedException>(() => store.MoveAsync(books[0].Id, "ann", calendars[0].Id, None));
    }
}
