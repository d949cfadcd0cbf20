using Eas.Mail.Imap;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Protocol;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientMailboxTests(DovecotFixture fixture)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "folders");

    [Fact]
    public async Task List_reports_special_uses_and_status_in_one_command()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await _user.DeliverAsync(TestMessages.Plain("two"), seen: true);
        await using var client = await _user.LoginAsync();

        var mailboxes = await client.ListAsync("*", ImapStatusItems.Standard);

        mailboxes.Select(mailbox => mailbox.SpecialUse).ShouldBe(
            [ImapSpecialUse.Inbox, ImapSpecialUse.Drafts, ImapSpecialUse.Sent, ImapSpecialUse.Trash, ImapSpecialUse.Junk], ignoreOrder: true);
        var inbox = mailboxes.Single(mailbox => mailbox.SpecialUse == ImapSpecialUse.Inbox);
        inbox.Name.ShouldBe("INBOX");
        inbox.Delimiter.ShouldBe('/');
        inbox.IsSelectable.ShouldBeTrue();
        var status = inbox.Status.ShouldNotBeNull();
        status.Messages.ShouldBe(2u);
        status.Unseen.ShouldBe(1u);
        status.UidNext.ShouldBe(3u);
        status.UidValidity.ShouldNotBeNull().ShouldBeGreaterThan(0u);
        status.HighestModSeq.ShouldNotBeNull().ShouldBeGreaterThan(0UL);
        status.Size.ShouldNotBeNull().ShouldBeGreaterThan(0UL);
        inbox.MailboxId.ShouldBeNull();
        mailboxes.Single(mailbox => mailbox.SpecialUse == ImapSpecialUse.Sent).Attributes.ShouldContain(ImapMailboxAttributes.Sent);
    }

    [Fact]
    public async Task Non_ascii_names_travel_in_modified_utf7_and_come_back_decoded()
    {
        await using var client = await _user.LoginAsync();

        await client.CreateAsync("Archiv/Entwürfe & Notizen/日本語");
        var mailboxes = await client.ListAsync("Archiv/*");

        var leaf = mailboxes.Single(mailbox => mailbox.LeafName == "日本語");
        leaf.Name.ShouldBe("Archiv/Entwürfe & Notizen/日本語");
        leaf.EncodedName.ShouldBe("Archiv/Entw&APw-rfe &- Notizen/&ZeVnLIqe-");
        leaf.ParentName.ShouldBe("Archiv/Entwürfe & Notizen");
        leaf.Attributes.ShouldContain(ImapMailboxAttributes.HasNoChildren);
        var middle = mailboxes.Single(mailbox => mailbox.Name == "Archiv/Entwürfe & Notizen");
        middle.Attributes.ShouldContain(ImapMailboxAttributes.HasChildren);
        (await client.StatusAsync(leaf.Name)).Messages.ShouldBe(0u);
        (await client.SelectAsync(leaf.Name)).Name.ShouldBe(leaf.Name);
    }

    [Fact]
    public async Task Dovecot_lists_a_parent_it_never_created_as_nonexistent_and_not_selectable()
    {
        await using var client = await _user.LoginAsync();
        await client.CreateAsync("Parent/Child");

        var mailboxes = await client.ListAsync("Parent*", ImapStatusItems.Messages);

        var parent = mailboxes.Single(mailbox => mailbox.Name == "Parent");
        parent.Attributes.ShouldContain(ImapMailboxAttributes.NonExistent);
        parent.Attributes.ShouldContain(ImapMailboxAttributes.HasChildren);
        parent.IsSelectable.ShouldBeFalse();
        parent.Status.ShouldBeNull();
        mailboxes.Single(mailbox => mailbox.Name == "Parent/Child").Status.ShouldNotBeNull().Messages.ShouldBe(0u);
    }

    [Fact]
    public async Task Status_reports_the_items_asked_for()
    {
        await _user.DeliverAsync(TestMessages.Plain("a"));
        await using var client = await _user.LoginAsync();

        var full = await client.StatusAsync("INBOX");
        var partial = await client.StatusAsync("INBOX", ImapStatusItems.Messages | ImapStatusItems.Recent);

        full.Messages.ShouldBe(1u);
        full.UidNext.ShouldBe(2u);
        full.HighestModSeq.ShouldNotBeNull();
        full.Size.ShouldNotBeNull();
        full.MailboxId.ShouldBeNull();
        partial.Messages.ShouldBe(1u);
        partial.Recent.ShouldNotBeNull();
        partial.UidNext.ShouldBeNull();
        await Should.ThrowAsync<ArgumentException>(() => client.StatusAsync("INBOX", ImapStatusItems.MailboxId));
    }

    [Fact]
    public async Task Create_rename_delete_and_subscribe()
    {
        await using var client = await _user.LoginAsync();

        (await client.CreateAsync("Projekte")).ShouldBeNull();
        await client.RenameAsync("Projekte", "Projekte 2024 ✓");
        await client.SubscribeAsync("Projekte 2024 ✓");
        var subscribed = await ListSubscribedAsync(client);
        await client.UnsubscribeAsync("Projekte 2024 ✓");
        var unsubscribed = await ListSubscribedAsync(client);
        var names = (await client.ListAsync()).Select(mailbox => mailbox.Name).ToArray();
        await client.DeleteAsync("Projekte 2024 ✓");

        names.ShouldContain("Projekte 2024 ✓");
        names.ShouldNotContain("Projekte");
        subscribed.ShouldContain(ModifiedUtf7.Encode("Projekte 2024 ✓"));
        unsubscribed.ShouldNotContain(ModifiedUtf7.Encode("Projekte 2024 ✓"));
        (await client.ListAsync()).Select(mailbox => mailbox.Name).ShouldNotContain("Projekte 2024 ✓");
    }

    [Fact]
    public async Task Failures_are_command_exceptions_and_the_session_survives()
    {
        await using var client = await _user.LoginAsync();

        var missing = await Should.ThrowAsync<ImapCommandException>(() => client.DeleteAsync("Does not exist"));
        await client.CreateAsync("Twice");
        var duplicate = await Should.ThrowAsync<ImapCommandException>(() => client.CreateAsync("Twice"));
        await Should.ThrowAsync<InvalidOperationException>(() => client.CreateAsync("Sent2", ImapSpecialUse.Sent));

        missing.ResponseCode!.Name.ShouldBe("NONEXISTENT");
        duplicate.ResponseCode!.Name.ShouldBe("ALREADYEXISTS");
        (await client.ListAsync("INBOX")).ShouldHaveSingleItem();
    }

    /// <summary>LSUB (RFC 3501 section 6.3.9), raw: the client has no typed method for it.</summary>
    private static async Task<List<string>> ListSubscribedAsync(ImapClient client)
    {
        var names = new List<string>();
        await client.ExecuteAsync(new ImapCommandBuilder("LSUB").String("").String("*").Build(), response =>
        {
            if (response.Name == "LSUB") names.Add(response.Data[2].AsText()!);
        });
        return names;
    }
}
