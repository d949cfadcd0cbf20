using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Reading;
using MimeKit;
using static Eas.Actors.Tests.Sync.Email.Reading.ReadingTestData;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>The header fields an EAS email item carries.</summary>
public sealed class EnvelopeFieldsTests
{
    [Fact]
    public async Task Every_field_is_read()
    {
        var item = await ReadAsync("""
            From: =?utf-8?q?J=C3=B6rg?= <j@x.de>
            Sender: list@x.org
            To: a@x.org, "B, C" <bc@x.org>
            To: late@x.org
            Cc: Team: d@x.org;
            Reply-To: replies@x.org
            Subject: =?utf-8?B?w5xiZXJzaWNodA==?=
            Date: Tue, 1 Jul 2003 10:52:37 +0200
            Message-ID: <id1@x.de>
            In-Reply-To: <id0@x.de>
            References: <r1@x> <r2@x>
            References: <r3@x>
            Importance: High
            Thread-Topic: =?utf-8?q?=C3=9Cbersicht?=

            body
            """);

        item.From.ShouldBe([new EmailAddress("Jörg", "j@x.de")]);
        item.Sender.ShouldBe(new EmailAddress(null, "list@x.org"));
        item.To.Select(a => a.Address).ShouldBe(["a@x.org", "bc@x.org", "late@x.org"]);
        item.To[1].Name.ShouldBe("B, C");
        item.Cc.ShouldBe([new EmailAddress(null, "d@x.org")]);
        item.ReplyTo.ShouldHaveSingleItem().Address.ShouldBe("replies@x.org");
        item.Subject.ShouldBe("Übersicht");
        item.DateSent.ShouldBe(new DateTime(2003, 7, 1, 8, 52, 37, DateTimeKind.Utc));
        item.DateReceived.ShouldBe(ReadingTestData.Received.UtcDateTime);
        item.MessageId.ShouldBe("id1@x.de");
        item.InReplyTo.ShouldBe("id0@x.de");
        item.References.ShouldBe(["r1@x", "r2@x", "r3@x"]);
        item.Importance.ShouldBe(EmailImportance.High);
        item.ThreadTopic.ShouldBe("Übersicht");
        item.MessageClass.ShouldBe(EmailMessageClass.Note);
    }

    [Fact]
    public async Task Missing_fields_are_empty()
    {
        var item = await ReadAsync("X-Other: 1\n\nbody\n");

        item.From.ShouldBeEmpty();
        item.Sender.ShouldBeNull();
        item.Subject.ShouldBeNull();
        item.DateSent.ShouldBeNull();
        item.MessageId.ShouldBeNull();
        item.InReplyTo.ShouldBeNull();
        item.References.ShouldBeEmpty();
        item.ThreadTopic.ShouldBeNull();
        item.Importance.ShouldBe(EmailImportance.Normal);
    }

    [Fact]
    public async Task A_sender_that_is_the_from_address_is_not_repeated()
    {
        var item = await ReadAsync("From: Ann <ann@x.org>\nSender: ANN@x.org\n\nx\n");

        item.Sender.ShouldBeNull();
    }

    [Fact]
    public async Task Unparsable_dates_and_ids_without_brackets_are_tolerated()
    {
        var item = await ReadAsync("Date: garbage\nMessage-ID: bare@id.example\nIn-Reply-To: Your message of Monday <orig@x>\n\nx\n");

        item.DateSent.ShouldBeNull();
        item.MessageId.ShouldBe("bare@id.example");
        item.InReplyTo.ShouldBe("orig@x");
    }

    [Theory]
    [InlineData("Importance: low", EmailImportance.Low)]
    [InlineData("Importance: Normal", EmailImportance.Normal)]
    [InlineData("X-Priority: 1 (Highest)", EmailImportance.High)]
    [InlineData("X-Priority: 2", EmailImportance.High)]
    [InlineData("X-Priority: 3 (Normal)", EmailImportance.Normal)]
    [InlineData("X-Priority: 5 (Lowest)", EmailImportance.Low)]
    [InlineData("X-MSMail-Priority: High", EmailImportance.High)]
    [InlineData("Priority: non-urgent", EmailImportance.Low)]
    [InlineData("Priority: urgent", EmailImportance.High)]
    [InlineData("X-Priority: junk", EmailImportance.Normal)]
    [InlineData("Importance: bogus\r\nX-Priority: 5", EmailImportance.Low)]
    [InlineData("", EmailImportance.Normal)]
    public void Importance_comes_from_the_fields_mailers_use(string fields, EmailImportance expected)
    {
        var headers = new HeaderList();
        foreach (var line in fields.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            headers.Add(line[..colon], line[(colon + 1)..].Trim());
        }

        EnvelopeFields.ImportanceOf(headers).ShouldBe(expected);
    }

    [Theory]
    [InlineData("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard")]
    [InlineData("=?utf-8?B?Q2Fmw6k=?=", "Café")]
    [InlineData("=?iso-8859-15?q?=A4uro?=", "€uro")]
    [InlineData("=?koi8-r?B?8NLJ18XU?=", "Привет")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("Re: =?utf-8?q?caf=C3=A9?= today", "Re: café today")]
    [InlineData("=?utf-8?Q?caf=C3?= =?UTF-8?Q?=A9?=", "café")]
    [InlineData("=?US-ASCII*EN?Q?Keith_Moore?=", "Keith Moore")]
    [InlineData("=?utf-8?x?abc?=", "=?utf-8?x?abc?=")]
    public async Task Encoded_words_in_the_subject_are_decoded(string subject, string expected)
    {
        var item = await ReadAsync($"Subject: {subject}\n\nx\n");

        item.Subject.ShouldBe(expected);
    }
}
