using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Messages;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientSelectTests(DovecotFixture fixture)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "select");

    [Fact]
    public async Task Select_reports_the_mailbox_and_moves_to_the_selected_state()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await _user.DeliverAsync(TestMessages.Plain("two"), seen: true);
        await using var client = await _user.LoginAsync();

        var inbox = await client.SelectAsync("INBOX", new ImapSelectOptions { CondStore = true });

        client.State.ShouldBe(ImapSessionState.Selected);
        client.Selected.ShouldBe(inbox);
        inbox.Name.ShouldBe("INBOX");
        inbox.ReadOnly.ShouldBeFalse();
        inbox.Exists.ShouldBe(2u);
        inbox.UidValidity.ShouldBeGreaterThan(0u);
        inbox.UidNext.ShouldBe(3u);
        inbox.HighestModSeq.ShouldNotBeNull().ShouldBeGreaterThan(0UL);
        inbox.NoModSeq.ShouldBeFalse();
        inbox.Flags.ShouldContain(@"\Seen");
        inbox.PermanentFlags.ShouldContain(@"\*");
        inbox.FirstUnseen.ShouldNotBeNull();
        inbox.Vanished.IsEmpty.ShouldBeTrue();
        inbox.Changed.ShouldBeEmpty();
        client.ChangeTracking.ShouldBe(ImapChangeTracking.CondStore);
    }

    [Fact]
    public async Task Examine_is_read_only_and_unselect_returns_to_authenticated()
    {
        await using var client = await _user.LoginAsync();

        var inbox = await client.ExamineAsync("INBOX");
        inbox.ReadOnly.ShouldBeTrue();
        await client.UnselectAsync();

        client.State.ShouldBe(ImapSessionState.Authenticated);
        client.Selected.ShouldBeNull();
        await Should.ThrowAsync<InvalidOperationException>(() => client.SearchAsync(ImapSearchQuery.All));
    }

    [Fact]
    public async Task A_failed_select_leaves_no_mailbox_selected()
    {
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        await Should.ThrowAsync<ImapCommandException>(() => client.SelectAsync("Nowhere"));

        client.Selected.ShouldBeNull();
        client.State.ShouldBe(ImapSessionState.Authenticated);
    }

    [Fact]
    public async Task Close_expunges_deleted_messages_silently()
    {
        await _user.DeliverAsync(TestMessages.Plain("keep"));
        await _user.DeliverAsync(TestMessages.Plain("drop"));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        await client.StoreFlagsAsync(UidSet.Single(2), ImapFlagChange.Add, [@"\Deleted"]);

        await client.CloseAsync();

        client.Selected.ShouldBeNull();
        (await client.StatusAsync("INBOX")).Messages.ShouldBe(1u);
    }

    [Fact]
    public async Task Qresync_select_reports_what_a_second_client_changed_meanwhile()
    {
        for (var i = 1; i <= 5; i++) await _user.DeliverAsync(TestMessages.Plain($"message {i}"));
        await using var client = await _user.LoginAsync();
        await client.EnableChangeTrackingAsync();
        var before = await client.SelectAsync("INBOX");
        await client.UnselectAsync();

        await using (var other = await _user.LoginAsync())
        {
            await other.SelectAsync("INBOX");
            await other.StoreFlagsAsync(UidSet.Parse("2,4"), ImapFlagChange.Add, [@"\Seen", "$Important"]);
            await other.StoreFlagsAsync(UidSet.Single(5), ImapFlagChange.Add, [@"\Deleted"]);
            await other.UidExpungeAsync(UidSet.Single(5));
            await other.StoreFlagsAsync(UidSet.Single(3), ImapFlagChange.Add, [@"\Deleted"]);
            await other.ExpungeAsync();
        }

        var after = await client.SelectAsync("INBOX", new ImapSelectOptions
        {
            QuickResync = new ImapQuickResync(before.UidValidity, before.HighestModSeq!.Value, UidSet.Parse("1:5")),
        });

        after.Vanished.ShouldBe(UidSet.Parse("3,5"));
        after.Changed.Select(message => message.Uid).ShouldBe([2u, 4u]);
        after.Changed.ShouldAllBe(message => message.HasFlag(@"\Seen") && message.HasFlag("$Important") && message.ModSeq > before.HighestModSeq);
        after.HighestModSeq.ShouldNotBeNull().ShouldBeGreaterThan(before.HighestModSeq!.Value);
        after.Exists.ShouldBe(3u);
        client.TakeMailboxEvents().ShouldBeEmpty();
    }

    [Fact]
    public async Task Qresync_with_a_stale_uidvalidity_reports_nothing()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await using var client = await _user.LoginAsync();
        await client.EnableChangeTrackingAsync();

        var selected = await client.SelectAsync("INBOX", new ImapSelectOptions { QuickResync = new ImapQuickResync(1, 1) });

        selected.UidValidity.ShouldNotBe(1u);
        selected.Vanished.IsEmpty.ShouldBeTrue();
        selected.Changed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Qresync_select_needs_qresync_enabled_first()
    {
        await using var client = await _user.LoginAsync();

        await Should.ThrowAsync<InvalidOperationException>(() =>
            client.SelectAsync("INBOX", new ImapSelectOptions { QuickResync = new ImapQuickResync(1, 1) }));
    }

    [Fact]
    public async Task Changes_by_another_client_arrive_as_events_at_the_next_command()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await _user.DeliverAsync(TestMessages.Plain("two"));
        await using var client = await _user.LoginAsync();
        await client.EnableChangeTrackingAsync();
        await client.SelectAsync("INBOX");

        await using (var other = await _user.LoginAsync())
        {
            await other.SelectAsync("INBOX");
            await other.StoreFlagsAsync(UidSet.Single(1), ImapFlagChange.Add, [@"\Flagged"]);
            await other.StoreFlagsAsync(UidSet.Single(2), ImapFlagChange.Add, [@"\Deleted"]);
            await other.ExpungeAsync();
        }

        await _user.DeliverAsync(TestMessages.Plain("three"));
        await client.NoopAsync();
        var events = client.TakeMailboxEvents();

        events.ShouldAllBe(change => change.Mailbox == "INBOX");
        var changed = events.OfType<ImapMessageChanged>().Single(change => change.Message.Uid == 1).Message;
        changed.HasFlag(@"\Flagged").ShouldBeTrue();
        changed.ModSeq.ShouldNotBeNull();
        events.OfType<ImapMessagesVanished>().ShouldHaveSingleItem().Uids.ShouldBe(UidSet.Single(2));
        events.OfType<ImapMessageCountChanged>().Last().Exists.ShouldBe(2u);
        client.PendingMailboxEvents.ShouldBe(0);
        client.TakeMailboxEvents().ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_qresync_expunges_are_sequence_numbers()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await _user.DeliverAsync(TestMessages.Plain("two"));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        await using (var other = await _user.LoginAsync())
        {
            await other.SelectAsync("INBOX");
            await other.StoreFlagsAsync(UidSet.Single(2), ImapFlagChange.Add, [@"\Deleted"]);
            await other.ExpungeAsync();
        }

        await client.FetchAsync(UidSet.Single(1), new ImapFetchRequest(ImapFetchItems.Flags));

        client.TakeMailboxEvents().OfType<ImapMessageExpunged>().ShouldHaveSingleItem().SequenceNumber.ShouldBe(2u);
    }

    [Fact]
    public async Task A_full_event_queue_reports_how_many_events_were_dropped()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await using var client = await _user.LoginAsync(options: new ImapClientOptions { MaxPendingMailboxEvents = 1 });
        await client.SelectAsync("INBOX");
        await _user.DeliverAsync(TestMessages.Plain("two"));
        await _user.DeliverAsync(TestMessages.Plain("three"));

        await client.NoopAsync();
        await using (var other = await _user.LoginAsync())
        {
            await other.SelectAsync("INBOX");
            await other.StoreFlagsAsync(UidSet.Parse("1:3"), ImapFlagChange.Add, [@"\Seen"]);
        }

        await client.NoopAsync();
        var events = client.TakeMailboxEvents();

        events.Count.ShouldBe(2);
        events[0].ShouldBeOfType<ImapMessageCountChanged>().Exists.ShouldBe(3u);
        events[1].ShouldBeOfType<ImapMailboxEventsDropped>().Count.ShouldBeGreaterThanOrEqualTo(3);
    }
}
