using System.Text;
using Eas.Actors.Sending.Compose;
using static Eas.Actors.Tests.Sending.ComposeKit;

namespace Eas.Actors.Tests.Sending;

/// <summary>Reading the phone's message (MS-ASCMD 2.2.1.17): the envelope, the fields added where missing, and refusals.</summary>
public sealed class PhoneMessageTests
{
    private const string Complete = """
        From: Me <me@example.com>
        To: Ann <ann@example.org>, bob@example.org
        Cc: ANN@example.org, carol@example.org
        Bcc: dave@example.org
        Subject: Hello
        Date: Tue, 1 Jan 2019 10:00:00 +0000
        Message-ID: <phone-1@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hi all.
        """;

    [Fact]
    public void Recipients_are_To_Cc_and_Bcc_each_address_once_ignoring_case()
    {
        using var message = Read(Complete);

        message.Recipients.ShouldBe(["ann@example.org", "bob@example.org", "carol@example.org", "dave@example.org"]);
        message.From.ShouldBe("me@example.com");
        message.MessageId.ShouldBe("phone-1@example.com");
        message.MessageIdFromClient.ShouldBeTrue();
    }

    [Fact]
    public void Group_members_and_encoded_display_names_are_recipients()
    {
        using var message = Read("To: Team: ann@example.org, =?utf-8?Q?J=C3=B6rg?= <jorg@example.org>;\nSubject: x\n\nbody\n");

        message.Recipients.ShouldBe(["ann@example.org", "jorg@example.org"]);
        message.Message.To.Mailboxes.Last().Name.ShouldBe("Jörg");
    }

    [Fact]
    public async Task A_missing_From_is_the_account_and_a_missing_Message_ID_Date_and_MIME_Version_are_made_alike_in_both_forms()
    {
        using var message = Read("To: ann@example.org\nSubject: bare\n\nbody\n");

        message.From.ShouldBe(Account);
        message.MessageIdFromClient.ShouldBeFalse();
        message.MessageId.ShouldEndWith("@example.com");
        var delivered = HeaderOf(await WriteAsync(message));
        var sent = HeaderOf(await WriteAsync(message, OutgoingCopy.SentItems));
        delivered.ShouldBe(sent);
        delivered.ShouldContain("From: me@example.com\r\n");
        delivered.ShouldContain("Date: Mon, 06 May 2024 07:08:09 +0000\r\n");
        delivered.ShouldContain($"Message-Id: <{message.MessageId}>\r\n", Case.Insensitive);
        delivered.ShouldContain("MIME-Version: 1.0\r\n");
    }

    [Fact]
    public void Each_read_makes_a_different_Message_ID_at_the_domain_of_From()
    {
        using var first = Read("From: x@phone.example\nTo: ann@example.org\n\nbody\n");
        using var second = Read("From: x@phone.example\nTo: ann@example.org\n\nbody\n");

        first.MessageId.ShouldEndWith("@phone.example");
        first.MessageId.ShouldNotBe(second.MessageId);
    }

    [Fact]
    public async Task A_Date_that_is_no_date_and_a_From_without_an_address_are_replaced_not_written_twice()
    {
        using var message = Read("From: Just A Name\nDate: sometime soon\nTo: ann@example.org\nMessage-ID: nonsense\n\nbody\n");

        var header = HeaderOf(await WriteAsync(message));
        header.ShouldNotContain("sometime soon");
        header.ShouldNotContain("Just A Name");
        header.ShouldNotContain("nonsense");
        header.Split("\r\n").Count(line => line.StartsWith("From:", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        header.ShouldContain("Date: Mon, 06 May 2024 07:08:09 +0000\r\n");
        message.MessageIdFromClient.ShouldBeFalse();
    }

    [Fact]
    public void A_sign_in_name_that_is_not_an_address_is_never_used_as_From()
    {
        Should.Throw<InvalidPhoneMessageException>(() => Read("To: ann@example.org\n\nbody\n", account: "mike"))
            .Message.ShouldContain("no From address");
        using var own = Read("From: mike@example.com\nTo: ann@example.org\n\nbody\n", account: "mike");
        own.From.ShouldBe("mike@example.com");
    }

    [Theory]
    [InlineData("\nTo: ann@example.org\n\nbody\n", "no header")]
    [InlineData("To: ann@example.org\nthis is not a field\nSubject: x\n\nbody\n", "Line 2 of the header is not a header field")]
    [InlineData(" folded: first\nTo: ann@example.org\n\nbody\n", "Line 1 of the header is not a header field")]
    [InlineData("To: Bob\n\nbody\n", "not an address")]
    [InlineData("", "empty")]
    public void Messages_with_broken_headers_are_refused_as_invalid(string text, string reason) =>
        Should.Throw<InvalidPhoneMessageException>(() => Read(text)).Message.ShouldContain(reason);

    [Fact]
    public void A_message_without_recipients_is_refused_as_such() =>
        Should.Throw<MessageHasNoRecipientsException>(() => Read("From: me@example.com\nSubject: none\n\nno recipients\n"));

    [Fact]
    public void More_recipients_than_the_bound_are_refused()
    {
        var many = string.Join(", ", Enumerable.Range(0, PhoneMessage.MaxRecipients + 1).Select(i => $"r{i}@example.org"));
        Should.Throw<InvalidPhoneMessageException>(() => Read($"To: {many}\n\nbody\n")).Message.ShouldContain("more than 500");
        using var exact = Read($"To: {string.Join(", ", Enumerable.Range(0, PhoneMessage.MaxRecipients).Select(i => $"r{i}@example.org"))}\n\nbody\n");
        exact.Recipients.Count.ShouldBe(PhoneMessage.MaxRecipients);
    }

    [Fact]
    public void A_header_line_beyond_the_bound_is_refused_without_reading_it()
    {
        var huge = new byte[PhoneMessage.MaxHeaderBytes * 4];
        Array.Fill(huge, (byte)'a');
        var mime = Encoding.ASCII.GetBytes("To: ann@example.org\r\nX-Long: ").Concat(huge).Concat(Encoding.ASCII.GetBytes("\r\n\r\nbody\r\n")).ToArray();

        Should.Throw<InvalidPhoneMessageException>(() => PhoneMessage.Read(mime, Account)).Message.ShouldContain("longer than");
    }

    [Fact]
    public async Task A_body_line_of_many_megabytes_is_accepted_and_written_whole()
    {
        var line = new string('x', 3 * 1024 * 1024);
        using var message = Read($"From: me@example.com\nTo: ann@example.org\nSubject: long\n\n{line}\n");

        (await WriteAsync(message)).ShouldContain(line);
    }

    [Fact]
    public async Task The_delivered_form_has_no_Bcc_the_Sent_Items_copy_has_and_both_are_the_phones_message_byte_for_byte()
    {
        using var message = Read(Complete);
        var phone = Encoding.UTF8.GetString(Crlf(Complete));

        (await WriteAsync(message, OutgoingCopy.SentItems)).ShouldBe(phone);
        (await WriteAsync(message)).ShouldBe(phone.Replace("Bcc: dave@example.org\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Raw_UTF_8_headers_broken_boundaries_and_unknown_charsets_are_sent_as_the_phone_wrote_them()
    {
        const string broken = """
            From: Jörg <me@example.com>
            To: ann@example.org
            Subject: Grüße
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=x-no-such-charset

            Hello
            --b
            Content-Type: application/octet-stream

            AAAA
            """;
        using var message = Read(broken);

        var written = await WriteAsync(message);
        written.ShouldContain("Subject: Grüße\r\n");
        written.ShouldContain("From: Jörg <me@example.com>\r\n");
        written.ShouldContain("charset=x-no-such-charset");
        written.ShouldContain("Hello\r\n--b\r\n");
        written.ShouldNotContain("--b--", Case.Sensitive, "a multipart the phone did not close is not closed either");
    }

    [Fact]
    public async Task Bare_line_feeds_become_CRLF_and_a_base64_attachment_is_not_re_encoded()
    {
        const string body = "QUJD\nREVG\n";
        using var message = Read($"From: me@example.com\nTo: ann@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n{body}--b--\n");

        var written = await WriteAsync(message);
        written.ShouldContain("QUJD\r\nREVG\r\n--b--");
        (await WriteAsync(message)).ShouldBe(written, "writing twice yields the same bytes");
    }
}
