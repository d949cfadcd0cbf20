using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Messages;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientSearchTests(DovecotFixture fixture)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "search");

    [Fact]
    public async Task Typed_criteria_find_the_right_uids()
    {
        await using var client = await _user.LoginAsync();
        foreach (var (date, seen) in new[] { (new DateTimeOffset(2024, 1, 10, 12, 0, 0, TimeSpan.Zero), true), (new(2024, 2, 10, 12, 0, 0, TimeSpan.Zero), false), (new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero), false), (new(2024, 4, 10, 12, 0, 0, TimeSpan.Zero), true) })
        {
            using var message = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(TestMessages.Plain("dated")));
            await client.AppendAsync("INBOX", message, seen ? [@"\Seen"] : null, date);
        }

        var selected = await client.SelectAsync("INBOX", new ImapSelectOptions { CondStore = true });
        await client.StoreFlagsAsync(UidSet.Single(3), ImapFlagChange.Add, [@"\Deleted", @"\Flagged"]);

        (await client.SearchAsync(ImapSearchQuery.All)).ShouldBe([1u, 2, 3, 4]);
        (await client.SearchAsync(ImapSearchQuery.Since(new DateOnly(2024, 2, 10)))).ShouldBe([2u, 3, 4]);
        (await client.SearchAsync(ImapSearchQuery.Before(new DateOnly(2024, 2, 10)))).ShouldBe([1u]);
        (await client.SearchAsync(ImapSearchQuery.Uids(UidSet.Parse("2:3,9")))).ShouldBe([2u, 3]);
        (await client.SearchAsync(ImapSearchQuery.NotDeleted)).ShouldBe([1u, 2, 4]);
        (await client.SearchAsync(ImapSearchQuery.Unseen)).ShouldBe([2u, 3]);
        (await client.SearchAsync(ImapSearchQuery.Seen)).ShouldBe([1u, 4]);
        (await client.SearchAsync(ImapSearchQuery.Flagged)).ShouldBe([3u]);
        (await client.SearchAsync(ImapSearchQuery.ModSeq(selected.HighestModSeq!.Value + 1))).ShouldBe([3u]);
        (await client.SearchAsync(ImapSearchQuery.Since(new DateOnly(2024, 2, 1)).And(ImapSearchQuery.NotDeleted).And(ImapSearchQuery.Unseen))).ShouldBe([2u]);
        (await client.SearchAsync(ImapSearchQuery.Or(ImapSearchQuery.Uids(UidSet.Single(1)), ImapSearchQuery.Flagged))).ShouldBe([1u, 3]);
        (await client.SearchAsync(ImapSearchQuery.Not(ImapSearchQuery.Seen.And(ImapSearchQuery.Since(new DateOnly(2024, 3, 1)))))).ShouldBe([1u, 2, 3]);
        (await client.SearchAsync(ImapSearchQuery.Uids(UidSet.Single(99)))).ShouldBeEmpty();
    }

    [Fact]
    public void Criteria_render_as_rfc_3501_search_keys()
    {
        var query = ImapSearchQuery.Since(new DateOnly(2024, 2, 1)).And(ImapSearchQuery.NotDeleted)
            .And(ImapSearchQuery.Or(ImapSearchQuery.Unseen, ImapSearchQuery.Flagged.And(ImapSearchQuery.ModSeq(7))));

        query.ToString().ShouldBe("SINCE 1-Feb-2024 NOT DELETED OR UNSEEN (FLAGGED MODSEQ 7)");
        query.UsesModSeq.ShouldBeTrue();
        ImapSearchQuery.All.UsesModSeq.ShouldBeFalse();
        Should.Throw<ArgumentException>(() => ImapSearchQuery.Uids(UidSet.Empty));
    }
}
