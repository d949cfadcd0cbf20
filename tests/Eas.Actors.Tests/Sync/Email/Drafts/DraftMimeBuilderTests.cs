using System.Text;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Drafts;
using Eas.Actors.Sync.Email.Reading;
using Eas.Wire.Commands;
using MimeKit;

namespace Eas.Actors.Tests.Sync.Email.Drafts;

/// <summary>The MIME form of a phone's draft (MS-ASCMD 2.2.3.7.2 Add, 2.2.3.24 Change; RFC 5322; RFC 2183).</summary>
public sealed class DraftMimeBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    private static DraftAttachment File(string clientId, string name, string text) => new(clientId, Encoding.ASCII.GetBytes(text)) { DisplayName = name };

    private static DraftMime Build(DraftFields fields, MimeMessage? existing = null, Func<string, string?>? partOf = null) =>
        DraftMimeBuilder.Build(fields, existing, partOf ?? (_ => null), "me@example.com", Now);

    /// <summary>Writes and reads back the message, as IMAP stores it and the next Change loads it.</summary>
    private static MimeMessage Stored(DraftMime draft) => MimeMessage.Load(new MemoryStream(draft.ToBytes()));

    private static string ContentOf(MimeEntity entity)
    {
        using var buffer = new MemoryStream();
        ((MimePart)entity).Content.ShouldNotBeNull().DecodeTo(buffer);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }

    [Fact]
    public void MS_ASCMD_2_2_3_7_2_a_new_draft_has_its_headers_and_a_single_body_part()
    {
        using var draft = Build(new DraftFields
        {
            To = "Ada <ada@example.com>", Cc = "cc@example.com", Bcc = "hidden@example.com", Subject = "Plans",
            Importance = EmailImportance.High, Body = new DraftBody(BodyType.Html, "<p>Grüße</p>"),
        });
        var stored = Stored(draft);

        stored.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("me@example.com");
        stored.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("ada@example.com");
        stored.Cc.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("cc@example.com");
        stored.Bcc.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("hidden@example.com", customMessage: "a draft keeps its Bcc, as a Sent Items copy does");
        stored.Subject.ShouldBe("Plans");
        stored.Importance.ShouldBe(MessageImportance.High);
        stored.Date.ShouldBe(Now);
        stored.MessageId.ShouldNotBeNullOrEmpty();
        stored.Body.ShouldBeOfType<TextPart>().IsHtml.ShouldBeTrue();
        stored.HtmlBody.ShouldBe("<p>Grüße</p>");
        draft.Added.ShouldBeEmpty();
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_2_attachments_follow_the_body_in_a_multipart_mixed_and_get_IMAP_part_numbers()
    {
        using var draft = Build(new DraftFields
        {
            Subject = "With files",
            AddedAttachments = [File("a1", "one.txt", "first"), File("a2", "two.bin", "second") with { ContentType = "application/x-two" }],
        });

        var numbers = ImapPartNumbers.Assign(draft.Message);
        draft.Added.Select(a => (a.ClientId, numbers[a.Part])).ShouldBe([("a1", "2"), ("a2", "3")]);
        var stored = Stored(draft);
        stored.Body.ShouldBeOfType<Multipart>().ContentType.MimeType.ShouldBe("multipart/mixed");
        stored.TextBody.ShouldBe("");
        var files = stored.Attachments.OfType<MimePart>().ToList();
        files.Select(f => f.FileName).ShouldBe(["one.txt", "two.bin"]);
        files[1].ContentType.MimeType.ShouldBe("application/x-two");
        files[0].ContentType.MimeType.ShouldBe("text/plain", "a type from the file name when the phone gives none");
        files.Select(ContentOf).ShouldBe(["first", "second"]);
    }

    [Fact]
    public void An_inline_attachment_keeps_its_Content_ID()
    {
        using var draft = Build(new DraftFields { AddedAttachments = [File("a1", "logo.png", "png") with { IsInline = true, ContentId = "<logo1>" }] });
        var part = Stored(draft).BodyParts.OfType<MimePart>().Single(p => p.FileName == "logo.png");
        part.ContentDisposition.ShouldNotBeNull().Disposition.ShouldBe(ContentDisposition.Inline);
        part.ContentId.ShouldBe("logo1");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_24_a_Change_replaces_what_the_phone_sent_and_keeps_the_rest()
    {
        using var first = Build(new DraftFields
        {
            To = "ada@example.com", Subject = "Old", Body = new DraftBody(BodyType.PlainText, "Body stays"),
            AddedAttachments = [File("a1", "gone.txt", "gone"), File("a2", "kept.txt", "kept")],
        });
        var stored = Stored(first);

        using var second = Build(
            new DraftFields { Subject = "New", Cc = "bob@example.com", DeletedAttachments = ["5:10:2"], AddedAttachments = [File("a3", "new.txt", "new")] },
            stored,
            reference => reference == "5:10:2" ? "2" : null);
        var changed = Stored(second);

        changed.Subject.ShouldBe("New");
        changed.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("ada@example.com");
        changed.Cc.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("bob@example.com");
        changed.MessageId.ShouldBe(stored.MessageId, "a draft keeps its Message-ID across changes");
        changed.TextBody.ShouldBe("Body stays");
        changed.Attachments.OfType<MimePart>().Select(p => (p.FileName, ContentOf(p))).ShouldBe([("kept.txt", "kept"), ("new.txt", "new")]);
        ImapPartNumbers.Assign(second.Message)[second.Added.ShouldHaveSingleItem().Part].ShouldBe("3");
    }

    [Fact]
    public void An_empty_address_field_clears_it_and_a_new_body_replaces_the_old()
    {
        using var first = Build(new DraftFields { To = "ada@example.com", Body = new DraftBody(BodyType.Html, "<p>old</p>") });
        using var second = Build(new DraftFields { To = "", Body = new DraftBody(BodyType.PlainText, "new") }, Stored(first));
        var changed = Stored(second);
        changed.To.ShouldBeEmpty();
        changed.HtmlBody.ShouldBeNull();
        changed.TextBody.ShouldBe("new");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_21_a_Delete_naming_no_attachment_of_the_draft_is_refused()
    {
        using var first = Build(new DraftFields { AddedAttachments = [File("a1", "one.txt", "one")] });
        var stored = Stored(first);
        Should.Throw<DraftRejectedException>(() => Build(new DraftFields { DeletedAttachments = ["5:10:7"] }, stored, _ => "7"))
            .Rejection.ShouldBe(DraftRejection.UnknownAttachment);
        Should.Throw<DraftRejectedException>(() => Build(new DraftFields { DeletedAttachments = ["9:10:2"] }, stored, _ => null))
            .Rejection.ShouldBe(DraftRejection.UnknownAttachment);
        Should.Throw<DraftRejectedException>(() => Build(new DraftFields { DeletedAttachments = ["5:10:1"] }, stored, _ => "1"))
            .Rejection.ShouldBe(DraftRejection.UnknownAttachment, "part 1 is the body, not an attachment");
    }

    [Fact]
    public void An_address_list_that_cannot_be_read_is_refused() =>
        Should.Throw<DraftRejectedException>(() => Build(new DraftFields { To = "<<<@@@" })).Rejection.ShouldBe(DraftRejection.Unreadable);
}
