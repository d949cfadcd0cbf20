using System.Text;
using Eas.Mail.Sieve;

namespace Eas.Mail.Tests.Sieve;

/// <summary>The response parser against RFC 5804's formal syntax (section 4) and its examples.</summary>
public sealed class ManageSieveReaderTests
{
    private static Task<ManageSieveResponse> Parse(string wire) =>
        new ManageSieveReader(new MemoryStream(Encoding.UTF8.GetBytes(wire))).ReadResponseAsync(CancellationToken.None);

    [Fact]
    public async Task RFC_5804_1_7_a_greeting_lists_capabilities_then_OK()
    {
        var response = await Parse("\"IMPLEMENTATION\" \"Dovecot Pigeonhole\"\r\n\"SASL\" \"PLAIN LOGIN\"\r\n\"STARTTLS\"\r\nOK \"Dovecot ready.\"\r\n");

        Assert.Equal(ManageSieveResult.Ok, response.Result);
        Assert.Equal(3, response.Data.Length);
        Assert.Equal("SASL", response.Data[1][0].Text);
        Assert.Equal("PLAIN LOGIN", response.Data[1][1].Text);
        Assert.Single(response.Data[2]);
        Assert.Equal("Dovecot ready.", response.Message);
    }

    [Fact]
    public async Task RFC_5804_2_7_LISTSCRIPTS_marks_the_active_script_and_names_may_be_literals()
    {
        var response = await Parse("\"summer_script\"\r\n\"vac\\\"ation\" ACTIVE\r\n{12}\r\nline1\r\nline2\r\nOK\r\n");

        Assert.Equal("summer_script", response.Data[0][0].Text);
        Assert.Equal("vac\"ation", response.Data[1][0].Text);
        Assert.True(response.Data[1][1].IsAtom("active"));
        Assert.Equal("line1\r\nline2", response.Data[2][0].Text);
        Assert.Null(response.Message);
    }

    [Fact]
    public async Task RFC_5804_2_9_GETSCRIPT_returns_the_script_as_a_literal_counted_in_octets()
    {
        var script = "# für\r\nkeep;\r\n";
        var octets = Encoding.UTF8.GetByteCount(script);

        var response = await Parse($"{{{octets}}}\r\n{script}\r\nOK \"Getscript completed.\"\r\n");

        Assert.Equal(script, response.Data[0][0].Text);
    }

    [Fact]
    public async Task RFC_5804_1_3_NO_carries_its_response_code_and_a_message_that_may_be_a_literal()
    {
        var response = await Parse("NO (NONEXISTENT) {22}\r\nScript does not exist.\r\n");

        Assert.Equal(ManageSieveResult.No, response.Result);
        Assert.Equal("NONEXISTENT", response.Code);
        Assert.Equal("Script does not exist.", response.Message);
    }

    [Fact]
    public async Task RFC_5804_1_3_a_response_code_may_carry_an_argument()
    {
        var response = await Parse("OK (SASL \"cnNwYXV0aA==\")\r\n");

        Assert.Equal("SASL", response.Code);
        Assert.Equal("cnNwYXV0aA==", response.CodeArgument);
    }

    [Fact]
    public async Task RFC_5804_1_3_BYE_ends_the_response()
    {
        var response = await Parse("BYE (TRYLATER) \"Server shutting down.\"\r\n");

        Assert.Equal(ManageSieveResult.Bye, response.Result);
        Assert.Equal("TRYLATER", response.Code);
    }

    [Theory]
    [InlineData("OK \"no end")]
    [InlineData("OK \"bad \\n escape\"\r\n")]
    [InlineData("{99999999999}\r\n")]
    [InlineData("{5}\r\nab")]
    [InlineData("OK\n")]
    [InlineData("OK (NONEXISTENT\r\n")]
    [InlineData("OK )\r\n")]
    public async Task RFC_5804_4_a_response_outside_the_syntax_is_refused(string wire)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Parse(wire)).ContinueWith(t =>
            Assert.True(t.Result is FormatException or EndOfStreamException, t.Result.GetType().Name));
    }

    [Fact]
    public async Task A_literal_over_the_limit_is_refused_before_it_is_read()
    {
        var reader = new ManageSieveReader(new MemoryStream("{100}\r\n"u8.ToArray()), maxLiteralBytes: 10);

        await Assert.ThrowsAsync<FormatException>(() => reader.ReadResponseAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    public void RFC_5804_4_names_go_as_quoted_strings_with_escapes(string name, string wire) =>
        Assert.Equal(wire, ManageSieveClient.Quoted(name));

    [Fact]
    public void RFC_5804_1_6_a_name_with_a_line_break_is_never_sent() =>
        Assert.Throws<ArgumentException>(() => ManageSieveClient.Quoted("a\r\nLOGOUT"));
}
