using Eas.Mail.Mime;

namespace Eas.Mail.Tests.Mime;

/// <summary>The header fields an EAS email item carries.</summary>
public sealed class MessageEnvelopeTests
{
    [Fact]
    public void Every_field_is_read()
    {
        var headers = HeaderList.Parse("""
            From: =?utf-8?q?J=C3=B6rg?= <j@x.de>
            Sender: list@x.org
            To: a@x.org, "B, C" <bc@x.org>
            To: late@x.org
            Cc: Team: d@x.org;
            Bcc: e@x.org
            Reply-To: replies@x.org
            Subject: =?utf-8?B?w5xiZXJzaWNodA==?=
            Date: Tue, 1 Jul 2003 10:52:37 +0200
            Message-ID: <id1@x.de>
            In-Reply-To: <id0@x.de>
            References: <r1@x> <r2@x>
            References: <r3@x>
            Importance: High
            Thread-Index: AQHZ
            Thread-Topic: Übersicht
            Content-Class: urn:content-classes:message

            """u8.ToArray().Select(b => b).ToArray());

        var envelope = MessageEnvelope.FromHeaders(headers);

        envelope.From.ShouldBe([new MailAddress("Jörg", "j@x.de")]);
        envelope.Sender.ShouldBe([new MailAddress("", "list@x.org")]);
        envelope.To.Select(a => a.Address).ShouldBe(["a@x.org", "bc@x.org", "late@x.org"]);
        envelope.Cc.ShouldBe([new MailAddress("", "d@x.org") { Group = "Team" }]);
        envelope.Bcc.ShouldHaveSingleItem();
        envelope.ReplyTo.ShouldHaveSingleItem().Address.ShouldBe("replies@x.org");
        envelope.Subject.ShouldBe("Übersicht");
        envelope.Date.ShouldBe(new DateTimeOffset(2003, 7, 1, 10, 52, 37, TimeSpan.FromHours(2)));
        envelope.MessageId.ShouldBe("id1@x.de");
        envelope.InReplyTo.ShouldBe(["id0@x.de"]);
        envelope.References.ShouldBe(["r1@x", "r2@x", "r3@x"]);
        envelope.Importance.ShouldBe(MessageImportance.High);
        envelope.ThreadIndex.ShouldBe(new byte[] { 0x01, 0x01, 0xD9 });
        envelope.ThreadTopic.ShouldBe("Übersicht");
        envelope.ContentClass.ShouldBe("urn:content-classes:message");
    }

    [Fact]
    public void Missing_fields_are_empty()
    {
        var envelope = MessageEnvelope.FromHeaders(HeaderList.Empty);

        envelope.From.ShouldBeEmpty();
        envelope.Subject.ShouldBeNull();
        envelope.Date.ShouldBeNull();
        envelope.MessageId.ShouldBeNull();
        envelope.ThreadIndex.ShouldBeNull();
        envelope.Importance.ShouldBe(MessageImportance.Normal);
    }

    [Theory]
    [InlineData("Importance: low", MessageImportance.Low)]
    [InlineData("Importance: Normal", MessageImportance.Normal)]
    [InlineData("X-Priority: 1 (Highest)", MessageImportance.High)]
    [InlineData("X-Priority: 2", MessageImportance.High)]
    [InlineData("X-Priority: 3 (Normal)", MessageImportance.Normal)]
    [InlineData("X-Priority: 5 (Lowest)", MessageImportance.Low)]
    [InlineData("X-MSMail-Priority: High", MessageImportance.High)]
    [InlineData("Priority: non-urgent", MessageImportance.Low)]
    [InlineData("Priority: urgent", MessageImportance.High)]
    [InlineData("X-Priority: junk", MessageImportance.Normal)]
    [InlineData("Importance: bogus\r\nX-Priority: 5", MessageImportance.Low)]
    public void Importance_comes_from_the_fields_mailers_use(string fields, MessageImportance expected) =>
        MessageEnvelope.FromHeaders(HeaderList.Parse(System.Text.Encoding.ASCII.GetBytes(fields + "\r\n"))).Importance.ShouldBe(expected);
}
