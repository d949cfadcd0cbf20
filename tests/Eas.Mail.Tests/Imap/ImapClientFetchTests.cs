using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Messages;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientFetchTests(DovecotFixture fixture)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "fetch");

    [Fact]
    public async Task Summaries_of_a_multipart_message_with_attachments()
    {
        await _user.DeliverAsync(TestMessages.WithAttachments());
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        var messages = await client.FetchAsync(UidSet.All, new ImapFetchRequest(ImapFetchItems.Summary | ImapFetchItems.Preview)
        {
            HeaderFields = ["Importance", "X-Priority"],
        });

        var message = messages.ShouldHaveSingleItem();
        message.Uid.ShouldBe(1u);
        message.Flags.ShouldNotBeNull().ShouldNotContain(@"\Seen");
        message.ModSeq.ShouldNotBeNull();
        message.Size.ShouldBe((ulong)Encoding.UTF8.GetByteCount(TestMessages.WithAttachments()));
        message.InternalDate.ShouldNotBeNull();
        message.Preview.ShouldBe("Please find the invoice attached.");
        Encoding.ASCII.GetString(message.HeaderFields!.Value.Span).ShouldBe("Importance: high\r\n\r\n");

        var envelope = message.Envelope.ShouldNotBeNull();
        envelope.Subject.ShouldBe("=?utf-8?q?Rechnung_f=C3=BCr_M=C3=A4rz?=");
        envelope.Date.ShouldBe("Wed, 6 Mar 2024 09:30:00 +0100");
        envelope.MessageId.ShouldBe("<invoice-42@example.com>");
        envelope.InReplyTo.ShouldBe("<order-7@example.com>");
        var from = envelope.From.ShouldHaveSingleItem().ShouldBeOfType<ImapMailboxAddress>();
        from.Name.ShouldBe("=?utf-8?q?J=C3=B6rg_M=C3=BCller?=");
        from.Address.ShouldBe("joerg@example.com");
        envelope.Sender.ShouldHaveSingleItem();
        envelope.To[0].ShouldBeOfType<ImapMailboxAddress>().Address.ShouldBe("alice@example.com");
        envelope.To[1].ShouldBeOfType<ImapGroupAddress>().Members.Select(member => member.Address).ShouldBe(["carol@example.com", "dave@example.com"]);
        envelope.Cc.ShouldHaveSingleItem().ShouldBeOfType<ImapMailboxAddress>().Name.ShouldBe("Eve E.");

        var root = message.Body.ShouldBeOfType<ImapMultipart>();
        root.ContentType.ShouldBe("multipart/mixed");
        root.Parameters["boundary"].ShouldBe("outer");
        root.EnumerateParts().Select(part => $"{part.PartSpecifier} {part.ContentType}").ShouldBe(
        [
            " multipart/mixed", "1 multipart/alternative", "1.1 text/plain", "1.2 text/html", "2 application/pdf",
            "3 message/rfc822", "3.1 text/plain",
        ]);
        var pdf = root.Parts[1].ShouldBeOfType<ImapBasicPart>();
        pdf.IsAttachment.ShouldBeTrue();
        pdf.FileName.ShouldBe("Rechnung.pdf");
        pdf.Encoding.ShouldBe("base64", StringCompareShould.IgnoreCase);
        var attached = root.Parts[2].ShouldBeOfType<ImapMessagePart>();
        attached.Envelope.Subject.ShouldBe("Forwarded order");
        root.Parts[0].ShouldBeOfType<ImapMultipart>().Parts[0].ShouldBeOfType<ImapBasicPart>().Lines.ShouldNotBeNull();
    }

    [Fact]
    public async Task Only_the_items_asked_for_are_set_and_missing_uids_are_absent()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"), seen: true);
        await _user.DeliverAsync(TestMessages.Plain("two"));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        var messages = await client.FetchAsync(UidSet.Parse("2,7:9"), new ImapFetchRequest(ImapFetchItems.Flags));
        var lazyRequest = new ImapFetchRequest(ImapFetchItems.Preview) { LazyPreview = true };
        var notYet = await client.FetchAsync(UidSet.Single(1), lazyRequest);
        var computed = await client.FetchAsync(UidSet.Single(1), new ImapFetchRequest(ImapFetchItems.Preview));
        var cached = await client.FetchAsync(UidSet.Single(1), lazyRequest);

        var message = messages.ShouldHaveSingleItem();
        message.Uid.ShouldBe(2u);
        message.Flags.ShouldNotBeNull();
        message.Envelope.ShouldBeNull();
        message.Body.ShouldBeNull();
        message.Size.ShouldBeNull();
        message.ModSeq.ShouldBeNull();
        message.HeaderFields.ShouldBeNull();
        notYet.ShouldHaveSingleItem().Preview.ShouldBeNull();
        computed.ShouldHaveSingleItem().Preview.ShouldBe("Hello there.");
        cached.ShouldHaveSingleItem().Preview.ShouldBe("Hello there.");
        (await client.FetchAsync(UidSet.Empty, new ImapFetchRequest(ImapFetchItems.Flags))).ShouldBeEmpty();
        await Should.ThrowAsync<ArgumentException>(() => client.FetchAsync(UidSet.All, new ImapFetchRequest(ImapFetchItems.None) { HeaderFields = ["Bad Name"] }));
    }

    [Fact]
    public async Task The_highest_message_comes_back_for_a_range_above_it_but_not_as_a_result()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        var messages = await client.FetchAsync(UidSet.Range(5, UidSet.Star), new ImapFetchRequest(ImapFetchItems.Flags));

        messages.ShouldBeEmpty();
        client.TakeMailboxEvents().OfType<ImapMessageChanged>().ShouldHaveSingleItem().Message.Uid.ShouldBe(1u);
    }

    [Fact]
    public async Task Changedsince_with_qresync_returns_only_changed_messages_and_vanished_uids()
    {
        for (var i = 1; i <= 6; i++) await _user.DeliverAsync(TestMessages.Plain($"message {i}"));
        await using var client = await _user.LoginAsync();
        await client.EnableChangeTrackingAsync();
        var selected = await client.SelectAsync("INBOX");
        var since = selected.HighestModSeq!.Value;

        await using (var other = await _user.LoginAsync())
        {
            await other.SelectAsync("INBOX");
            await other.StoreFlagsAsync(UidSet.Parse("2,5"), ImapFlagChange.Add, [@"\Seen"]);
            await other.MoveAsync(UidSet.Single(6), "Trash");
        }

        await _user.DeliverAsync(TestMessages.Plain("new"));
        await client.NoopAsync();
        client.TakeMailboxEvents();
        var changes = await client.FetchChangesAsync(UidSet.All, since, new ImapFetchRequest(ImapFetchItems.Flags | ImapFetchItems.ModSeq));

        changes.Changed.Select(message => message.Uid).ShouldBe([2u, 5u, 7u]);
        changes.Changed.ShouldAllBe(message => message.ModSeq > since);
        changes.Changed[0].HasFlag(@"\Seen").ShouldBeTrue();
        changes.Vanished.ShouldBe(UidSet.Single(6));
        var none = await client.FetchChangesAsync(UidSet.All, changes.Changed.Max(message => message.ModSeq!.Value), new ImapFetchRequest(ImapFetchItems.Flags));
        none.Changed.ShouldBeEmpty();
        none.Vanished.ShouldBe(UidSet.Empty);
    }

    [Fact]
    public async Task Changedsince_without_qresync_cannot_report_vanished_uids()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await _user.DeliverAsync(TestMessages.Plain("two"));
        await using var client = await _user.LoginAsync();
        var selected = await client.SelectAsync("INBOX", new ImapSelectOptions { CondStore = true });
        await client.StoreFlagsAsync(UidSet.Single(2), ImapFlagChange.Add, [@"\Answered"]);

        var changes = await client.FetchChangesAsync(UidSet.All, selected.HighestModSeq!.Value, new ImapFetchRequest(ImapFetchItems.Flags));

        changes.Changed.ShouldHaveSingleItem().Uid.ShouldBe(2u);
        changes.Vanished.ShouldBeNull();
    }
}
