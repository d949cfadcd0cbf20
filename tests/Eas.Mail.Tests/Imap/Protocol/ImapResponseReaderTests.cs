using Eas.Mail.Imap.Protocol;
using static Eas.Mail.Tests.Imap.Protocol.ResponseReading;

namespace Eas.Mail.Tests.Imap.Protocol;

public sealed class ImapResponseReaderTests
{
    [Fact]
    public async Task Greeting_with_capability_code()
    {
        var response = await ReadOneAsync("* OK [CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN] Dovecot (Debian) ready.\r\n");

        response.Kind.ShouldBe(ImapResponseKind.Untagged);
        response.Status.ShouldBe(ImapResponseStatus.Ok);
        response.Code.ShouldBe(new ImapResponseCode("CAPABILITY", "IMAP4rev1 LITERAL+ AUTH=PLAIN"));
        response.Text.ShouldBe("Dovecot (Debian) ready.");
    }

    [Fact]
    public async Task Tagged_status_text_is_free_text_not_tokens()
    {
        var response = await ReadOneAsync("A0007 no [authenticationfailed] can't \"log (in\r\n");

        response.Kind.ShouldBe(ImapResponseKind.Tagged);
        response.Tag.ShouldBe("A0007");
        response.Status.ShouldBe(ImapResponseStatus.No);
        response.Code.ShouldBe(new ImapResponseCode("AUTHENTICATIONFAILED", null));
        response.Text.ShouldBe("can't \"log (in");
    }

    [Fact]
    public async Task Response_code_arguments_are_kept_raw()
    {
        var response = await ReadOneAsync("* OK [PERMANENTFLAGS (\\Answered \\Seen \\*)] Flags permitted.\r\n");

        response.Code!.Name.ShouldBe("PERMANENTFLAGS");
        response.Code.Arguments.ShouldBe("(\\Answered \\Seen \\*)");
    }

    [Theory]
    [InlineData("+ Ready for literal\r\n", "Ready for literal")]
    [InlineData("+ \r\n", "")]
    [InlineData("+\r\n", "")]
    [InlineData("+ dGVzdA==\r\n", "dGVzdA==")]
    public async Task Continuation_requests(string wire, string text)
    {
        var response = await ReadOneAsync(wire);

        response.Kind.ShouldBe(ImapResponseKind.Continuation);
        response.Text.ShouldBe(text);
    }

    [Fact]
    public async Task Message_data_has_a_number_and_a_name()
    {
        var response = await ReadOneAsync("* 23 exists\r\n");

        response.Number.ShouldBe(23UL);
        response.Name.ShouldBe("EXISTS");
        response.Data.ShouldBeEmpty();
        response.IsStatus.ShouldBeFalse();
    }

    [Fact]
    public async Task Quoted_strings_lose_their_escapes()
    {
        var response = await ReadOneAsync("* LIST (\\HasNoChildren) \"/\" \"a \\\"quoted\\\" \\\\ name\"\r\n");

        response.Name.ShouldBe("LIST");
        List(response.Data[0]).Items.Select(Text).ShouldBe(["\\HasNoChildren"]);
        Text(response.Data[1]).ShouldBe("/");
        Text(response.Data[2]).ShouldBe("a \"quoted\" \\ name");
        response.Data[2].ShouldBeOfType<ImapString>().IsLiteral.ShouldBeFalse();
    }

    [Fact]
    public async Task Quoted_strings_carry_utf8()
    {
        var response = await ReadOneAsync("* LIST () \"/\" \"Entwürfe\"\r\n");

        Text(response.Data[2]).ShouldBe("Entwürfe");
    }

    [Fact]
    public async Task Literal_inside_a_list_with_a_section()
    {
        var response = await ReadOneAsync("* 1 FETCH (BODY[HEADER.FIELDS (FROM)] {5}\r\nhel\r\n FLAGS (\\Seen))\r\n");

        response.Name.ShouldBe("FETCH");
        var items = List(response.Data.ShouldHaveSingleItem()).Items;
        Text(items[0]).ShouldBe("BODY");
        var section = List(items[1]);
        section.IsSection.ShouldBeTrue();
        Text(section.Items[0]).ShouldBe("HEADER.FIELDS");
        List(section.Items[1]).Items.Select(Text).ShouldBe(["FROM"]);
        var literal = items[2].ShouldBeOfType<ImapString>();
        literal.IsLiteral.ShouldBeTrue();
        literal.Bytes.ToArray().ShouldBe("hel\r\n"u8.ToArray());
        Text(items[3]).ShouldBe("FLAGS");
        List(items[4]).Items.Select(Text).ShouldBe(["\\Seen"]);
    }

    [Theory]
    [InlineData("{3+}")]
    [InlineData("~{3}")]
    [InlineData("{3}")]
    public async Task Literal_forms(string announcement)
    {
        var response = await ReadOneAsync($"* 2 FETCH (BINARY[1] {announcement}\r\nabc)\r\n");

        Text(List(response.Data[0]).Items[2]).ShouldBe("abc");
    }

    [Fact]
    public async Task Empty_literal_and_two_literals_in_one_response()
    {
        var response = await ReadOneAsync("* X {0}\r\n {2}\r\nab\r\n");

        response.Data.Select(Text).ShouldBe(["", "ab"]);
    }

    [Fact]
    public async Task Nested_lists_and_nil()
    {
        var response = await ReadOneAsync("* X ((a (b (c))) nil NIL \"NIL\")\r\n");

        var outer = List(response.Data.ShouldHaveSingleItem()).Items;
        var first = List(outer[0]).Items;
        Text(first[0]).ShouldBe("a");
        Text(List(List(first[1]).Items[1]).Items[0]).ShouldBe("c");
        outer[1].ShouldBeSameAs(ImapNil.Instance);
        outer[2].ShouldBeSameAs(ImapNil.Instance);
        Text(outer[3]).ShouldBe("NIL");
    }

    [Fact]
    public async Task Several_responses_read_a_byte_at_a_time()
    {
        const string wire = "* OK [CAPABILITY IMAP4rev1] hi\r\n* 1 FETCH (BODY[] {4}\r\nbody)\r\n+ go\r\nA1 OK done\r\n";
        using var reader = Reader(wire, chunk: 1);

        (await reader.ReadAsync()).Code!.Name.ShouldBe("CAPABILITY");
        Text(List((await reader.ReadAsync()).Data[0]).Items[2]).ShouldBe("body");
        (await reader.ReadAsync()).Kind.ShouldBe(ImapResponseKind.Continuation);
        (await reader.ReadAsync()).Tag.ShouldBe("A1");
        reader.HasBufferedData.ShouldBeFalse();
    }

    [Fact]
    public async Task A_line_longer_than_the_initial_buffer_is_read_whole()
    {
        var name = new string('x', 20_000);
        using var reader = Reader($"* LIST () \"/\" \"{name}\"\r\n* 1 EXISTS\r\n", chunk: 1000);

        Text((await reader.ReadAsync()).Data[2]).ShouldBe(name);
        (await reader.ReadAsync()).Name.ShouldBe("EXISTS");
    }

    [Fact]
    public async Task Bare_line_feeds_are_tolerated()
    {
        var response = await ReadOneAsync("* 3 RECENT\n");

        response.Name.ShouldBe("RECENT");
    }

    [Fact]
    public async Task Bytes_after_a_response_are_reported_as_buffered()
    {
        using var reader = Reader("A1 OK Begin TLS\r\n* OK injected\r\n");

        await reader.ReadAsync();

        reader.HasBufferedData.ShouldBeTrue();
    }
}
