using System.Reflection;
using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Actors.Tests.Sync.Calendar;
using Eas.Mail.Pim;

namespace Eas.Actors.Tests.Mailboxes.Imap.Pim;

/// <summary>
/// What one hierarchy resolution costs the IMAP-folder PIM store against a real Dovecot: every served kind comes from
/// one LIST (RFC 3501 6.3.8), not one LIST per kind; a second LIST only after it had to create a default folder.
/// </summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapPimListingCostTests(ImapDovecotFixture fixture)
{
    private static readonly PimKind[] AllKinds = [PimKind.Contacts, PimKind.Calendar, PimKind.Tasks, PimKind.Notes];

    [Fact]
    public async Task RFC_3501_6_3_8_every_kind_of_a_resolution_comes_from_one_LIST()
    {
        await using var real = await fixture.OpenSessionAsync(fixture.NewAccount());
        var counted = ListCounter.Around(real);
        var store = new ImapPimStore(counted, ImapPimOptions.Default);

        var first = await store.ListCollectionsOfKindsAsync(AllKinds, CancellationToken.None);
        var createdWith = ListCounter.Lists(counted);
        var second = await store.ListCollectionsOfKindsAsync(AllKinds, CancellationToken.None);

        createdWith.ShouldBe(2, "one LIST, the four default folders created, one LIST to see them");
        (ListCounter.Lists(counted) - createdWith).ShouldBe(1, "once the folders exist, all four kinds come from one LIST");
        second.ShouldBe(first);
        second.Select(c => (c.Id, c.Kind, c.IsDefault)).ShouldBe(
        [
            ("Contacts", PimKind.Contacts, true),
            ("Calendar", PimKind.Calendar, true),
            ("Tasks", PimKind.Tasks, true),
            ("Notes", PimKind.Notes, true),
        ]);
    }

    [Fact]
    public async Task A_resolution_of_several_kinds_lists_the_same_collections_as_one_listing_per_kind()
    {
        await using var session = await fixture.OpenSessionAsync(fixture.NewAccount());
        var store = new ImapPimStore(session, ImapPimOptions.Default);
        await store.ListCollectionsOfKindsAsync(AllKinds, CancellationToken.None);
        await store.CreateCollectionAsync(PimKind.Tasks, "Garden", null, CancellationToken.None);
        await store.CreateCollectionAsync(PimKind.Contacts, "Work", null, CancellationToken.None);

        var together = await store.ListCollectionsOfKindsAsync([PimKind.Tasks, PimKind.Contacts], CancellationToken.None);
        var apart = (await store.ListCollectionsAsync(PimKind.Tasks, CancellationToken.None))
            .Concat(await store.ListCollectionsAsync(PimKind.Contacts, CancellationToken.None));

        together.ShouldBe(apart, "kind by kind in the order asked, each by name");
        together.Select(c => c.Id).ShouldBe(["Tasks", "Tasks/Garden", "Contacts", "Contacts/Work"]);
    }

    [Fact]
    public async Task The_default_folder_log_line_names_the_kind_it_created()
    {
        await using var session = await fixture.OpenSessionAsync(fixture.NewAccount());
        var logger = new CapturingLogger<ImapPimStore>();
        var store = new ImapPimStore(session, ImapPimOptions.Default) { Logger = logger };

        await store.ListCollectionsOfKindsAsync([PimKind.Tasks, PimKind.Notes], CancellationToken.None);

        logger.Lines.Where(l => l.EventId == 1541).Select(l => l.Message).ShouldBe(
        [
            $"PIM store: created the default Tasks folder Tasks for {(session as IPimMailSession)!.Login}",
            $"PIM store: created the default Notes folder Notes for {(session as IPimMailSession)!.Login}",
        ]);
    }

    /// <summary>Both session ports at once, so one proxy can stand for the real session the store needs.</summary>
    public interface ICountedSession : IMailSession, IPimMailSession;

    /// <summary>Passes every call to the real session and counts ListFoldersAsync, which is one LIST each.</summary>
    public class ListCounter : DispatchProxy
    {
        private IMailSession _target = null!;
        private int _lists;

        public static IMailSession Around(IMailSession target)
        {
            var proxy = Create<ICountedSession, ListCounter>();
            ((ListCounter)(object)proxy)._target = target;
            return proxy;
        }

        public static int Lists(IMailSession counted) => ((ListCounter)(object)counted)._lists;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(IMailSession.ListFoldersAsync)) Interlocked.Increment(ref _lists);
            try
            {
                return targetMethod.Invoke(_target, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
