using Eas.Actors.Sync.Email;
using Eas.Wire.Http;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using AirSyncBase = Eas.Wire.CodePages.AirSyncBase;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>The attachment list in its 2.5 (Email page) and 12.0+ (AirSyncBase) forms.</summary>
public sealed class EmailAttachmentTests
{
    private static readonly EmailItem Item = FullItem() with
    {
        Attachments =
        [
            new EmailAttachment("report.pdf", "application/pdf", 48213, "att:17:2"),
            new EmailAttachment("logo.png", "image/png", 2048, "att:17:3")
            {
                ContentId = "logo@example.com",
                ContentLocation = "http://example.com/logo.png",
                IsInline = true,
            },
            new EmailAttachment("forwarded.eml", "message/rfc822", 900, "att:17:4") { Method = EmailAttachmentMethod.EmbeddedMessage },
        ],
    };

    [Fact]
    public void Versions_12_and_later_list_AirSyncBase_attachments_with_FileReference()
    {
        var list = Child(EmailApplicationData.Build(Item, Options(ProtocolVersion.V121)), AirSyncBase.Attachments);
        var attachments = Children(list).ToList();

        attachments.Count.ShouldBe(3);
        Names(attachments[0]).ShouldBe(["AirSyncBase:DisplayName", "AirSyncBase:FileReference", "AirSyncBase:Method", "AirSyncBase:EstimatedDataSize"]);
        attachments[0].ValueOf(AirSyncBase.DisplayName).ShouldBe("report.pdf");
        attachments[0].ValueOf(AirSyncBase.FileReference).ShouldBe("att:17:2");
        attachments[0].ValueOf(AirSyncBase.Method).ShouldBe("1");
        attachments[0].ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("48213");

        Names(attachments[1]).ShouldBe([
            "AirSyncBase:DisplayName", "AirSyncBase:FileReference", "AirSyncBase:Method", "AirSyncBase:EstimatedDataSize",
            "AirSyncBase:ContentId", "AirSyncBase:ContentLocation", "AirSyncBase:IsInline",
        ]);
        attachments[1].ValueOf(AirSyncBase.ContentId).ShouldBe("logo@example.com");
        attachments[1].ValueOf(AirSyncBase.IsInline).ShouldBe("1");
        attachments[2].ValueOf(AirSyncBase.Method).ShouldBe("5");
    }

    [Fact]
    public void Version_2_5_lists_Email_attachments_with_AttName()
    {
        var data = EmailApplicationData.Build(Item, Options(ProtocolVersion.V25));
        var attachments = Children(Child(data, EmailPage.Attachments)).ToList();

        data.Element(AirSyncBase.Attachments).ShouldBeNull();
        attachments.Count.ShouldBe(3);
        Names(attachments[0]).ShouldBe(["Email:AttMethod", "Email:AttSize", "Email:DisplayName", "Email:AttName"]);
        attachments[0].ValueOf(EmailPage.AttName).ShouldBe("att:17:2");
        attachments[0].ValueOf(EmailPage.AttSize).ShouldBe("48213");
        attachments[0].ValueOf(EmailPage.DisplayName).ShouldBe("report.pdf");
        attachments[1].ValueOf(EmailPage.Att0Id).ShouldBe("logo@example.com");
        attachments[2].ValueOf(EmailPage.AttMethod).ShouldBe("5");
    }

    [Theory]
    [MemberData(nameof(VersionNames), MemberType = typeof(EmailTestData))]
    public void A_message_without_attachments_has_no_Attachments_element(string version)
    {
        var data = EmailApplicationData.Build(FullItem() with { Attachments = [] }, Options(Version(version)));

        data.Element(AirSyncBase.Attachments).ShouldBeNull();
        data.Element(EmailPage.Attachments).ShouldBeNull();
    }
}
