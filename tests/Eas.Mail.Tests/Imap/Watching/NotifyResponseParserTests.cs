using Eas.Mail.Imap;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Watching;
using static Eas.Mail.Tests.Imap.Protocol.ResponseReading;

namespace Eas.Mail.Tests.Imap.Watching;

/// <summary>NOTIFY's STATUS and LIST responses, as Dovecot 2.3.19 sends them and as RFC 5465 allows.</summary>
public sealed class NotifyResponseParserTests
{
    [Fact]
    public async Task A_partial_status_sets_only_the_items_sent()
    {
        var change = await ParseAsync<ImapMailboxStatusChanged>("* STATUS Work (UNSEEN 0 HIGHESTMODSEQ 3)\r\n");

        change.Mailbox.ShouldBe("Work");
        change.Status.Unseen.ShouldBe(0u);
        change.Status.HighestModSeq.ShouldBe(3UL);
        change.Status.Messages.ShouldBeNull();
        change.Status.UidNext.ShouldBeNull();
        change.Status.UidValidity.ShouldBeNull();
    }

    [Fact]
    public async Task A_full_status_after_an_append()
    {
        var change = await ParseAsync<ImapMailboxStatusChanged>("* STATUS \"Sp ace\" (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 1795265791 UNSEEN 1 HIGHESTMODSEQ 2)\r\n");

        change.Mailbox.ShouldBe("Sp ace");
        change.Status.ShouldBe(new ImapMailboxStatus { Messages = 1, UidNext = 2, UidValidity = 1795265791, Unseen = 1, HighestModSeq = 2 });
    }

    [Theory]
    [InlineData("* STATUS {6}\r\nÄrger (MESSAGES 1)\r\n", "Ärger")]
    [InlineData("* STATUS &AMQ-rger (MESSAGES 1)\r\n", "Ärger")]
    [InlineData("* STATUS \"Q&-A\" (MESSAGES 1)\r\n", "Q&A")]
    [InlineData("* STATUS \"Q&A\" (MESSAGES 1)\r\n", "Q&A")]
    public async Task Names_come_in_modified_utf7_or_as_dovecot_sends_them_in_utf8(string wire, string name)
    {
        var change = await ParseAsync<ImapMailboxStatusChanged>(wire);

        change.Mailbox.ShouldBe(name);
        change.Status.Messages.ShouldBe(1u);
    }

    [Fact]
    public async Task A_created_mailbox()
    {
        var change = await ParseAsync<ImapMailboxListChanged>("* LIST () \"/\" Projects\r\n");

        change.Mailbox.ShouldBe("Projects");
        change.Listed.Delimiter.ShouldBe('/');
        change.IsDeleted.ShouldBeFalse();
        change.IsRenamed.ShouldBeFalse();
        change.OldName.ShouldBeNull();
    }

    [Fact]
    public async Task A_deleted_mailbox()
    {
        var change = await ParseAsync<ImapMailboxListChanged>("* LIST (\\NonExistent) \"/\" Projects\r\n");

        change.Mailbox.ShouldBe("Projects");
        change.IsDeleted.ShouldBeTrue();
    }

    [Fact]
    public async Task A_renamed_mailbox_carries_its_old_name()
    {
        var change = await ParseAsync<ImapMailboxListChanged>("* LIST () \"/\" Renamed (\"OLDNAME\" (Projects))\r\n");

        change.Mailbox.ShouldBe("Renamed");
        change.OldName.ShouldBe("Projects");
        change.IsRenamed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_rename_with_utf8_literals_as_dovecot_sends_it()
    {
        var change = await ParseAsync<ImapMailboxListChanged>("* LIST () \"/\" {10}\r\nSp ace/Äx (\"OLDNAME\" ({6}\r\nÄrger))\r\n");

        change.Mailbox.ShouldBe("Sp ace/Äx");
        change.OldName.ShouldBe("Ärger");
        change.Listed.LeafName.ShouldBe("Äx");
    }

    [Fact]
    public async Task Other_extended_items_are_skipped()
    {
        var change = await ParseAsync<ImapMailboxListChanged>("* LIST () \"/\" New (\"CHILDINFO\" (\"SUBSCRIBED\") \"oldname\" (\"Old\"))\r\n");

        change.OldName.ShouldBe("Old");
    }

    [Fact]
    public async Task A_subscription_change()
    {
        var change = await ParseAsync<ImapMailboxListChanged>("* LIST (\\Subscribed) \"/\" Work\r\n");

        change.Listed.Attributes.ShouldContain(ImapMailboxAttributes.Subscribed);
        change.IsDeleted.ShouldBeFalse();
    }

    [Theory]
    [InlineData("* 3 EXISTS\r\n")]
    [InlineData("* OK Still here\r\n")]
    [InlineData("* SEARCH 1 2\r\n")]
    public async Task Other_responses_are_no_notifications(string wire)
    {
        NotifyResponseParser.TryParse(await ReadOneAsync(wire)).ShouldBeNull();
    }

    [Fact]
    public async Task The_overflow_code_is_recognised()
    {
        NotifyResponseParser.IsOverflow(await ReadOneAsync("* OK [NOTIFICATIONOVERFLOW] Too many\r\n")).ShouldBeTrue();
        NotifyResponseParser.IsOverflow(await ReadOneAsync("* OK [ALERT] Too many\r\n")).ShouldBeFalse();
        NotifyResponseParser.IsOverflow(await ReadOneAsync("A1 NO [NOTIFICATIONOVERFLOW] Too many mailbox names\r\n")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("* STATUS Work (MESSAGES)\r\n")]
    [InlineData("* STATUS Work\r\n")]
    [InlineData("* LIST () \"/\" New (\"OLDNAME\")\r\n")]
    [InlineData("* LIST () \"/\" New (\"OLDNAME\" (a b))\r\n")]
    public async Task Malformed_notifications_are_protocol_errors(string wire)
    {
        var response = await ReadOneAsync(wire);

        Should.Throw<ImapProtocolException>(() => NotifyResponseParser.TryParse(response));
    }

    [Fact]
    public void Apply_merges_a_partial_status_into_what_is_known()
    {
        var known = new ImapMailboxStatus { Messages = 1, UidNext = 2, UidValidity = 9, Unseen = 1, HighestModSeq = 2 };

        var now = known.Apply(new ImapMailboxStatus { Unseen = 0, HighestModSeq = 3 });

        now.ShouldBe(new ImapMailboxStatus { Messages = 1, UidNext = 2, UidValidity = 9, Unseen = 0, HighestModSeq = 3 });
    }

    private static async Task<T> ParseAsync<T>(string wire) where T : ImapMailboxEvent =>
        NotifyResponseParser.TryParse(await ReadOneAsync(wire)).ShouldBeOfType<T>();
}
