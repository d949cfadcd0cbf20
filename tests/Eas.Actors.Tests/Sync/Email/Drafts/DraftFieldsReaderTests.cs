using System.Text;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Drafts;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Actors.Tests.Sync.Email.Drafts;

/// <summary>The draft elements of a 16.x Sync Add or Change (MS-ASEMAIL 2.2.2, MS-ASAIRS 2.2.2.2, 2.2.2.9, 2.2.2.21).</summary>
public sealed class DraftFieldsReaderTests
{
    private static WbxmlElement Data(params WbxmlElement[] children) => WithChildren(AirSync.ApplicationData, children);

    private static WbxmlElement Add(string clientId, WbxmlElement content, string method = "1", params WbxmlElement[] more) =>
        WithChildren(AirSyncBase.Add, [WithText(AirSyncBase.ClientId, clientId), WithText(AirSyncBase.Method, method), content, .. more]);

    private static DraftRejection Refusal(WbxmlElement data, long max = 1000) =>
        Should.Throw<DraftRejectedException>(() => DraftFieldsReader.Read(data, max)).Rejection;

    [Fact]
    public void MS_ASEMAIL_2_2_2_every_draft_field_is_read()
    {
        var fields = DraftFieldsReader.Read(Data(
            WithText(Eas.Wire.CodePages.Email.To, "\"Ada\" <ada@example.com>, bob@example.com"),
            WithText(Eas.Wire.CodePages.Email.Cc, "cc@example.com"),
            WithText(Email2.Bcc, "hidden@example.com"),
            WithText(Eas.Wire.CodePages.Email.Subject, "Plans"),
            WithText(Eas.Wire.CodePages.Email.Importance, "2"),
            WithText(Eas.Wire.CodePages.Email.Read, "1"),
            WithChildren(AirSyncBase.Body, WithText(AirSyncBase.Type, "2"), WithText(AirSyncBase.Data, "<b>hi</b>")),
            WithChildren(AirSyncBase.Attachments,
                Add("a1", WithOpaque(AirSyncBase.Content, new byte[] { 1, 2, 3 }), "1",
                    WithText(AirSyncBase.DisplayName, "x.bin"), WithText(AirSyncBase.ContentType, "application/x-test"),
                    WithText(AirSyncBase.IsInline, "1"), WithText(AirSyncBase.ContentId, "img1")),
                WithChildren(AirSyncBase.Delete, WithText(AirSyncBase.FileReference, "5:12:2")))), 1000);

        fields.To.ShouldBe("\"Ada\" <ada@example.com>, bob@example.com");
        fields.Cc.ShouldBe("cc@example.com");
        fields.Bcc.ShouldBe("hidden@example.com");
        fields.Subject.ShouldBe("Plans");
        fields.Importance.ShouldBe(EmailImportance.High);
        fields.Body.ShouldBe(new DraftBody(BodyType.Html, "<b>hi</b>"));
        var attachment = fields.AddedAttachments.ShouldHaveSingleItem();
        attachment.ClientId.ShouldBe("a1");
        attachment.Content.ToArray().ShouldBe(new byte[] { 1, 2, 3 });
        (attachment.DisplayName, attachment.ContentType, attachment.IsInline, attachment.ContentId).ShouldBe(("x.bin", "application/x-test", true, "img1"));
        fields.DeletedAttachments.ShouldBe(["5:12:2"]);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_24_fields_the_phone_left_out_are_null()
    {
        var fields = DraftFieldsReader.Read(Data(WithText(Eas.Wire.CodePages.Email.Subject, "Only this")), 1000);
        (fields.To, fields.Cc, fields.Bcc, fields.Importance, fields.Body).ShouldBe((null, null, null, null, null));
        fields.AddedAttachments.ShouldBeEmpty();
        fields.DeletedAttachments.ShouldBeEmpty();
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_15_Content_as_text_is_read_as_base64()
    {
        var fields = DraftFieldsReader.Read(Data(WithChildren(AirSyncBase.Attachments,
            Add("a1", WithText(AirSyncBase.Content, Convert.ToBase64String(Encoding.ASCII.GetBytes("hello")))))), 1000);
        Encoding.ASCII.GetString(fields.AddedAttachments[0].Content.Span).ShouldBe("hello");
        Refusal(Data(WithChildren(AirSyncBase.Attachments, Add("a1", WithText(AirSyncBase.Content, "not base64!"))))).ShouldBe(DraftRejection.Unreadable);
    }

    [Fact]
    public void An_attachment_over_the_limit_is_refused_whether_opaque_or_base64()
    {
        Refusal(Data(WithChildren(AirSyncBase.Attachments, Add("a1", WithOpaque(AirSyncBase.Content, new byte[11])))), max: 10)
            .ShouldBe(DraftRejection.AttachmentTooLarge);
        Refusal(Data(WithChildren(AirSyncBase.Attachments, Add("a1", WithText(AirSyncBase.Content, Convert.ToBase64String(new byte[400]))))), max: 10)
            .ShouldBe(DraftRejection.AttachmentTooLarge);
        DraftFieldsReader.Read(Data(WithChildren(AirSyncBase.Attachments, Add("a1", WithOpaque(AirSyncBase.Content, new byte[10])))), 10)
            .AddedAttachments.ShouldHaveSingleItem();
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_2_an_Add_needs_ClientId_Method_1_and_Content()
    {
        var content = WithOpaque(AirSyncBase.Content, new byte[] { 1 });
        Refusal(Data(WithChildren(AirSyncBase.Attachments, WithChildren(AirSyncBase.Add, WithText(AirSyncBase.Method, "1"), content)))).ShouldBe(DraftRejection.Unreadable);
        Refusal(Data(WithChildren(AirSyncBase.Attachments, Add("a1", WithOpaque(AirSyncBase.Content, new byte[] { 1 }), method: "5")))).ShouldBe(DraftRejection.Unreadable);
        Refusal(Data(WithChildren(AirSyncBase.Attachments, WithChildren(AirSyncBase.Add, WithText(AirSyncBase.ClientId, "a1"), WithText(AirSyncBase.Method, "1"))))).ShouldBe(DraftRejection.Unreadable);
        Refusal(Data(WithChildren(AirSyncBase.Attachments,
            Add("a1", WithOpaque(AirSyncBase.Content, new byte[] { 1 })), Add("a1", WithOpaque(AirSyncBase.Content, new byte[] { 2 }))))).ShouldBe(DraftRejection.Unreadable);
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_21_a_Delete_needs_its_FileReference()
    {
        Refusal(Data(WithChildren(AirSyncBase.Attachments, new WbxmlElement(AirSyncBase.Delete)))).ShouldBe(DraftRejection.Unreadable);
        Refusal(Data(WithChildren(AirSyncBase.Attachments, WithChildren(AirSyncBase.Attachment, WithText(AirSyncBase.FileReference, "1:2:3"))))).ShouldBe(DraftRejection.Unreadable);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("x")]
    public void MS_ASAIRS_2_2_2_9_a_draft_body_is_plain_text_or_HTML(string type) =>
        Refusal(Data(WithChildren(AirSyncBase.Body, WithText(AirSyncBase.Type, type), WithText(AirSyncBase.Data, "x")))).ShouldBe(DraftRejection.Unreadable);

    [Fact]
    public void Malformed_importance_a_body_without_Type_and_a_repeated_field_are_refused()
    {
        Refusal(Data(WithText(Eas.Wire.CodePages.Email.Importance, "7"))).ShouldBe(DraftRejection.Unreadable);
        Refusal(Data(WithChildren(AirSyncBase.Body, WithText(AirSyncBase.Data, "x")))).ShouldBe(DraftRejection.Unreadable);
        Refusal(Data(WithText(Eas.Wire.CodePages.Email.Subject, "a"), WithText(Eas.Wire.CodePages.Email.Subject, "b"))).ShouldBe(DraftRejection.Unreadable);
    }

    [Fact]
    public void MS_ASEMAIL_3_1_5_3_a_Change_of_read_state_or_flag_alone_is_no_draft_edit()
    {
        DraftFieldsReader.IsDraftEdit(Data(WithText(Eas.Wire.CodePages.Email.Read, "1"), new WbxmlElement(Eas.Wire.CodePages.Email.Flag))).ShouldBeFalse();
        DraftFieldsReader.IsDraftEdit(Data(WithText(Eas.Wire.CodePages.Email.Subject, "x"))).ShouldBeTrue();
        DraftFieldsReader.IsDraftEdit(Data(WithChildren(AirSyncBase.Attachments))).ShouldBeTrue();
    }
}
