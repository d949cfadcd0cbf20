using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;
using static Eas.Mail.Tests.Mime.Writing.WritingKit;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>Reading a phone's submission: sender, envelope recipients, the fields a message must have, and refusals.</summary>
public sealed class OutgoingMessageTests
{
    [Fact]
    public async Task Recipients_are_To_Cc_and_Bcc_each_address_once_ignoring_case()
    {
        var message = await ReadAsync("""
            From: Me <me@example.com>
            To: Ann <ann@example.org>, bob@example.org
            Cc: ANN@Example.org, Carol <carol@example.net>
            Bcc: Bob@EXAMPLE.org, dave@example.com
            Subject: hi

            Hello
            """);

        message.Recipients.ShouldBe(["ann@example.org", "bob@example.org", "carol@example.net", "dave@example.com"]);
        message.To.Select(m => m.Address).ShouldBe(["ann@example.org", "bob@example.org"]);
        message.Bcc.Select(m => m.Address).ShouldBe(["Bob@EXAMPLE.org", "dave@example.com"]);
    }

    [Fact]
    public async Task Group_members_and_encoded_display_names_are_read_by_the_address_parser()
    {
        var message = await ReadAsync("""
            From: me@example.com
            To: Team: =?utf-8?B?SsO8cmdlbg==?= <juergen@example.org>, "Smith, Ann" <ann@example.org>;, undisclosed-recipients:;
            Subject: hi

            Hello
            """);

        message.Recipients.ShouldBe(["juergen@example.org", "ann@example.org"]);
        message.To[0].Name.ShouldBe("Jürgen");
        message.To[0].Group.ShouldBe("Team");
        message.To[1].Name.ShouldBe("Smith, Ann");
    }

    [Fact]
    public async Task The_phones_own_fields_are_reported_as_they_are()
    {
        var message = await ReadAsync("""
            From: "Me Myself" <me@example.com>
            Sender: assistant@example.com
            To: ann@example.org
            Subject: =?iso-8859-1?Q?Gr=FC=DFe?=
            Date: Tue, 1 Jan 2019 10:00:00 +0100
            Message-ID: <abc@phone.example.com>
            In-Reply-To: <parent@example.org>
            References: <root@example.org> <parent@example.org>

            Hello
            """);

        message.From.ShouldBe(new MailAddress("Me Myself", "me@example.com"));
        message.Sender!.Address.ShouldBe("assistant@example.com");
        message.Subject.ShouldBe("Grüße");
        message.Date.ShouldBe(new DateTimeOffset(2019, 1, 1, 10, 0, 0, TimeSpan.FromHours(1)));
        message.MessageId.ShouldBe("abc@phone.example.com");
        message.InReplyTo.ShouldBe(["parent@example.org"]);
        message.References.ShouldBe(["root@example.org", "parent@example.org"]);
    }

    [Fact]
    public async Task A_missing_From_is_the_account_and_a_missing_Message_ID_and_Date_are_made()
    {
        var message = await ReadAsync("""
            To: ann@example.org
            Subject: hi

            Hello
            """);

        message.From.ShouldBe(new MailAddress(string.Empty, Account));
        message.Date.ShouldBe(Now);
        message.MessageId.ShouldMatch("^[0-9a-f]{32}@example\\.com$");
        message.Sender.ShouldBeNull();
    }

    [Fact]
    public async Task A_made_Message_ID_is_at_the_domain_of_From()
    {
        var message = await ReadAsync("""
            From: Me <me@sub.example.net>
            To: ann@example.org

            Hello
            """);

        message.MessageId.ShouldEndWith("@sub.example.net");
    }

    [Fact]
    public async Task Each_read_makes_a_different_Message_ID()
    {
        const string text = "To: ann@example.org\n\nHello\n";

        (await ReadAsync(text)).MessageId.ShouldNotBe((await ReadAsync(text)).MessageId);
    }

    [Fact]
    public async Task A_Date_that_is_no_date_and_a_From_without_an_address_are_replaced()
    {
        var message = await ReadAsync("""
            From: Just A Name
            To: ann@example.org
            Date: sometime soon

            Hello
            """);

        message.From.Address.ShouldBe(Account);
        message.Date.ShouldBe(Now);
    }

    [Theory]
    [InlineData("Subject: no recipients\n\nHello\n", "no recipients")]
    [InlineData("To: undisclosed-recipients:;\n\nHello\n", "no recipients")]
    [InlineData("To: Bob\n\nHello\n", "not an address")]
    [InlineData("To: ann@example.org\nCc: Bob Smith\n\nHello\n", "Cc field")]
    [InlineData("To: ann@example.org\nthis line is no field\n\nHello\n", "Line 2 of the header")]
    [InlineData("Hello, this message has no header\n\nat all\n", "no header")]
    public async Task Messages_without_recipients_or_with_broken_headers_are_refused(string text, string reason)
    {
        var error = await Should.ThrowAsync<MimeFormatException>(() => ReadAsync(text));

        error.Reason.ShouldContain(reason);
    }

    [Fact]
    public async Task More_recipients_than_the_bound_are_refused()
    {
        var to = string.Join(", ", Enumerable.Range(0, 11).Select(i => $"user{i}@example.org"));

        var error = await Should.ThrowAsync<MimeFormatException>(() => ReadAsync($"To: {to}\n\nHi\n", Options with { MaxRecipients = 10 }));

        error.Reason.ShouldBe("The message has more than 10 recipients");
        (await ReadAsync($"To: {to}, USER0@example.org\n\nHi\n", Options with { MaxRecipients = 11 })).Recipients.Count.ShouldBe(11);
    }

    [Fact]
    public async Task A_header_block_beyond_the_bound_is_refused()
    {
        var text = "To: ann@example.org\n" + string.Concat(Enumerable.Repeat("X-Filler: " + new string('x', 100) + "\n", 100)) + "\nHi\n";
        var options = Options with { Limits = MimeLimits.Default with { MaxHeaderBytes = 4096 } };

        var error = await Should.ThrowAsync<MimeFormatException>(() => ReadAsync(text, options));

        error.Reason.ShouldContain("header block is larger than 4096 bytes");
    }

    [Fact]
    public async Task A_sign_in_name_that_is_not_an_address_is_never_used_as_From()
    {
        var own = await OutgoingMessage.ReadAsync(MimeTestData.Crlf("From: me@example.org\nTo: a@example.org\n\nx\n"), "me", Options);
        own.From.Address.ShouldBe("me@example.org");
        var error = await Should.ThrowAsync<MimeFormatException>(() => OutgoingMessage.ReadAsync(MimeTestData.Crlf("To: a@example.org\n\nx\n"), "me", Options));
        error.Reason.ShouldContain("no From address");
    }
}
