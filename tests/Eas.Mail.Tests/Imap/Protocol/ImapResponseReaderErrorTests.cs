using Eas.Mail.Imap;
using Eas.Mail.Imap.Protocol;
using static Eas.Mail.Tests.Imap.Protocol.ResponseReading;

namespace Eas.Mail.Tests.Imap.Protocol;

public sealed class ImapResponseReaderErrorTests
{
    [Theory]
    [InlineData("* 1 FETCH (BODY[] {10}\r\nabc")]
    [InlineData("* 1 FETCH (BODY[] {3}\r\nabc")]
    [InlineData("* OK no line end")]
    [InlineData("")]
    public async Task Truncated_input_means_the_connection_closed(string wire)
    {
        var error = await Should.ThrowAsync<ImapProtocolException>(() => ReadOneAsync(wire));

        error.ConnectionClosed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("* LIST () \"/\" \"unterminated\r\n", "unterminated quoted string")]
    [InlineData("* X (a (b)\r\n", "unclosed list")]
    [InlineData("* X a)\r\n", "unbalanced ')'")]
    [InlineData("* X (a]\r\n", "unbalanced ']'")]
    [InlineData("* X {3} trailing\r\nabc\r\n", "literal announcement not at the end of the line")]
    [InlineData("* X {x}\r\n", "invalid literal announcement")]
    [InlineData("* X {99999999999}\r\n", "literal length out of range")]
    [InlineData("A1 CAPABILITY\r\n", "a tagged response must be OK, NO or BAD")]
    [InlineData("\r\n", "expected a tag")]
    [InlineData("* OK [ALERT\r\n", "response code without a closing ']'")]
    [InlineData("* X a\u0001b\r\n", "unexpected byte 0x01")]
    public async Task Malformed_responses_are_protocol_errors(string wire, string problem)
    {
        var error = await Should.ThrowAsync<ImapProtocolException>(() => ReadOneAsync(wire));

        error.Message.ShouldContain(problem);
        error.ConnectionClosed.ShouldBeFalse();
    }

    [Fact]
    public async Task A_line_over_the_limit_is_refused()
    {
        var limits = new ImapLimits { MaxLineLength = 64 };
        var wire = $"* OK {new string('a', 100)}\r\n";

        var error = await Should.ThrowAsync<ImapProtocolException>(() => ReadOneAsync(wire, limits));

        error.Message.ShouldContain("MaxLineLength");
    }

    [Fact]
    public async Task A_line_at_the_limit_is_accepted()
    {
        var limits = new ImapLimits { MaxLineLength = 64 };
        var text = new string('a', 64 - "* OK ".Length);

        var response = await ReadOneAsync($"* OK {text}\r\n", limits);

        response.Text.ShouldBe(text);
    }

    [Fact]
    public async Task An_endless_line_is_refused_without_reading_it_all()
    {
        var limits = new ImapLimits { MaxLineLength = 1024 };
        using var reader = new ImapResponseReader(new EndlessStream(), limits);

        var error = await Should.ThrowAsync<ImapProtocolException>(() => reader.ReadAsync().AsTask());

        error.Message.ShouldContain("MaxLineLength");
    }

    [Fact]
    public async Task A_literal_over_the_limit_is_refused_before_it_is_read()
    {
        var limits = new ImapLimits { MaxLiteralLength = 10 };

        var error = await Should.ThrowAsync<ImapProtocolException>(() => ReadOneAsync("* 1 FETCH (BODY[] {11}\r\n", limits));

        error.Message.ShouldContain("MaxLiteralLength");
    }

    [Fact]
    public async Task A_response_over_the_total_limit_is_refused()
    {
        var limits = new ImapLimits { MaxResponseLength = 40 };

        var error = await Should.ThrowAsync<ImapProtocolException>(
            () => ReadOneAsync("* X {10}\r\n0123456789 {10}\r\n0123456789 {10}\r\n0123456789\r\n", limits));

        error.Message.ShouldContain("MaxResponseLength");
    }

    [Fact]
    public async Task Nesting_over_the_limit_is_refused()
    {
        var limits = new ImapLimits { MaxDepth = 3 };

        (await ReadOneAsync("* X (((a)))\r\n", limits)).Data.Count.ShouldBe(1);
        var error = await Should.ThrowAsync<ImapProtocolException>(() => ReadOneAsync("* X ((((a))))\r\n", limits));

        error.Message.ShouldContain("MaxDepth");
    }

    /// <summary>A server that sends one line forever.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            return count;
        }
    }
}
