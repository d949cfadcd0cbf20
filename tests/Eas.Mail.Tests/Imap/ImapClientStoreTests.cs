using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Messages;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientStoreTests(DovecotFixture fixture)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "store");

    [Fact]
    public async Task Flags_are_added_removed_and_replaced()
    {
        for (var i = 1; i <= 3; i++) await _user.DeliverAsync(TestMessages.Plain($"message {i}"));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        var added = await client.StoreFlagsAsync(UidSet.Parse("1:3"), ImapFlagChange.Add, [@"\Seen", @"\Flagged", "$Forwarded"], silent: false);
        var removed = await client.StoreFlagsAsync(UidSet.Single(2), ImapFlagChange.Remove, [@"\Flagged"], silent: false);
        var replaced = await client.StoreFlagsAsync(UidSet.Single(3), ImapFlagChange.Replace, [@"\Answered"], silent: false);
        var silent = await client.StoreFlagsAsync(UidSet.Single(1), ImapFlagChange.Replace, []);

        added.Updated.Select(message => message.Uid).ShouldBe([1u, 2u, 3u]);
        added.Updated.ShouldAllBe(message => message.HasFlag(@"\Seen") && message.HasFlag("$Forwarded"));
        added.Modified.IsEmpty.ShouldBeTrue();
        removed.Updated.ShouldHaveSingleItem().HasFlag(@"\Flagged").ShouldBeFalse();
        replaced.Updated.ShouldHaveSingleItem().Flags!.Where(flag => flag != @"\Recent").ShouldBe([@"\Answered"]);
        silent.Updated.ShouldBeEmpty();
        var now = await client.FetchAsync(UidSet.Single(1), new ImapFetchRequest(ImapFetchItems.Flags));
        now.ShouldHaveSingleItem().Flags!.Where(flag => flag != @"\Recent").ShouldBeEmpty();
        client.TakeMailboxEvents().ShouldBeEmpty();
    }

    [Fact]
    public async Task Unchangedsince_conflict_returns_the_modified_uids_and_changes_only_the_others()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await _user.DeliverAsync(TestMessages.Plain("two"));
        await using var client = await _user.LoginAsync();
        await client.EnableChangeTrackingAsync();
        var selected = await client.SelectAsync("INBOX");
        var known = selected.HighestModSeq!.Value;

        await using (var other = await _user.LoginAsync())
        {
            await other.SelectAsync("INBOX");
            await other.StoreFlagsAsync(UidSet.Single(2), ImapFlagChange.Add, [@"\Flagged"]);
        }

        var result = await client.StoreFlagsAsync(UidSet.Parse("1:2"), ImapFlagChange.Add, [@"\Seen"], unchangedSince: known);

        result.Modified.ShouldBe(UidSet.Single(2));
        var flags = await client.FetchAsync(UidSet.Parse("1:2"), new ImapFetchRequest(ImapFetchItems.Flags));
        flags[0].HasFlag(@"\Seen").ShouldBeTrue();
        flags[1].HasFlag(@"\Seen").ShouldBeFalse();
        flags[1].HasFlag(@"\Flagged").ShouldBeTrue();
    }

    [Fact]
    public async Task Append_with_flags_and_date_returns_the_new_uid()
    {
        await using var client = await _user.LoginAsync();
        var sent = Encoding.UTF8.GetBytes(TestMessages.Plain("Sent from the phone", "Grüße"));
        var date = new DateTimeOffset(2024, 3, 5, 8, 7, 6, TimeSpan.FromHours(-4));

        var appended = await client.AppendAsync("Sent", new MemoryStream(sent), [@"\Seen"], date);
        await client.SelectAsync("Sent");
        var fetched = await client.FetchAsync(UidSet.Single(appended!.Uid), new ImapFetchRequest(ImapFetchItems.Flags | ImapFetchItems.InternalDate | ImapFetchItems.Size));

        appended.Uid.ShouldBe(1u);
        appended.UidValidity.ShouldBe(client.Selected!.UidValidity);
        var message = fetched.ShouldHaveSingleItem();
        message.HasFlag(@"\Seen").ShouldBeTrue();
        message.InternalDate.ShouldBe(date);
        message.Size.ShouldBe((ulong)sent.Length);
    }

    [Fact]
    public async Task Append_streams_from_a_non_seekable_source_of_given_length()
    {
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        var bytes = Encoding.ASCII.GetBytes(TestMessages.Plain("piped"));

        var appended = await client.AppendAsync("INBOX", new ForwardOnlyStream(bytes), length: bytes.Length);
        await client.NoopAsync();

        appended.ShouldNotBeNull().Uid.ShouldBe(1u);
        client.TakeMailboxEvents().OfType<ImapMessageCountChanged>().ShouldNotBeEmpty();
        await Should.ThrowAsync<ArgumentException>(() => client.AppendAsync("INBOX", new ForwardOnlyStream(bytes)));
    }

    [Fact]
    public async Task Append_to_a_missing_mailbox_says_trycreate()
    {
        await using var client = await _user.LoginAsync();

        var error = await Should.ThrowAsync<ImapCommandException>(() =>
            client.AppendAsync("Missing", new MemoryStream(Encoding.ASCII.GetBytes(TestMessages.Plain("x")))));

        error.ResponseCode!.Name.ShouldBe("TRYCREATE");
        await client.NoopAsync();
    }

    [Fact]
    public async Task Move_returns_the_copyuid_mapping_and_the_source_reports_vanished()
    {
        for (var i = 1; i <= 4; i++) await _user.DeliverAsync(TestMessages.Plain($"message {i}"));
        await using var client = await _user.LoginAsync();
        await client.EnableChangeTrackingAsync();
        await client.SelectAsync("INBOX");

        var moved = await client.MoveAsync(UidSet.Parse("2,4"), "Trash");

        moved.ShouldNotBeNull().Uids.ShouldBe(new Dictionary<uint, uint> { [2] = 1, [4] = 2 });
        moved.SourceUids.ShouldBe(UidSet.Parse("2,4"));
        moved.DestinationUids.ShouldBe(UidSet.Parse("1:2"));
        client.TakeMailboxEvents().OfType<ImapMessagesVanished>().Aggregate(UidSet.Empty, (all, e) => all.Union(e.Uids)).ShouldBe(UidSet.Parse("2,4"));
        (await client.SearchAsync(ImapSearchQuery.All)).ShouldBe([1u, 3u]);
        (await client.StatusAsync("Trash")).Messages.ShouldBe(2u);
    }

    [Fact]
    public async Task Copy_keeps_the_source_and_returns_the_mapping()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        var copied = await client.CopyAsync(UidSet.Single(1), "Drafts");

        copied.ShouldNotBeNull().Uids.ShouldBe(new Dictionary<uint, uint> { [1] = 1 });
        (await client.SearchAsync(ImapSearchQuery.All)).ShouldBe([1u]);
    }

    [Fact]
    public async Task Uid_expunge_removes_only_the_given_deleted_messages_and_expunge_the_rest()
    {
        for (var i = 1; i <= 3; i++) await _user.DeliverAsync(TestMessages.Plain($"message {i}"));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        await client.StoreFlagsAsync(UidSet.Parse("1:3"), ImapFlagChange.Add, [@"\Deleted"]);

        await client.UidExpungeAsync(UidSet.Single(2));
        var afterUidExpunge = await client.SearchAsync(ImapSearchQuery.All);
        await client.ExpungeAsync();

        afterUidExpunge.ShouldBe([1u, 3u]);
        (await client.SearchAsync(ImapSearchQuery.All)).ShouldBeEmpty();
        client.TakeMailboxEvents().OfType<ImapMessageExpunged>().Count().ShouldBe(3);
    }

    /// <summary>A stream that can only be read forward, like a request body.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
