using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Protocol;
using static Eas.Mail.Tests.Imap.Protocol.ResponseReading;

namespace Eas.Mail.Tests.Imap.Protocol;

public sealed class ImapResponseReaderStreamingTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(7)]
    [InlineData(1)]
    public async Task A_literal_the_hook_claims_goes_to_its_stream_and_the_response_goes_on(int chunk)
    {
        var content = string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i}\r\n"));
        using var reader = Reader($"* 4 FETCH (UID 9 BODY[1]<0> {{{content.Length}}}\r\n{content} FLAGS (\\Seen))\r\n* 5 EXISTS\r\n", chunk: chunk);
        using var destination = new MemoryStream();
        ImapLiteralContext? seen = null;

        var response = await reader.ReadAsync(context =>
        {
            seen = context;
            return destination;
        });

        Encoding.ASCII.GetString(destination.ToArray()).ShouldBe(content);
        seen.ShouldNotBeNull();
        seen.Value.ResponseName.ShouldBe("FETCH");
        seen.Value.Number.ShouldBe(4UL);
        seen.Value.Depth.ShouldBe(1);
        seen.Value.Length.ShouldBe(content.Length);
        var items = List(response.Data[0]).Items;
        items[5].ShouldBeOfType<ImapStreamedLiteral>().Length.ShouldBe(content.Length);
        Text(items[6]).ShouldBe("FLAGS");
        (await reader.ReadAsync()).Name.ShouldBe("EXISTS");
    }

    [Fact]
    public async Task A_streamed_literal_is_not_bound_by_the_literal_and_response_limits()
    {
        var limits = new ImapLimits { MaxLiteralLength = 10, MaxResponseLength = 100 };
        var content = new string('x', 1000);
        using var reader = Reader($"* 1 FETCH (BODY[] {{1000}}\r\n{content})\r\n", limits);
        using var destination = new MemoryStream();

        await reader.ReadAsync(_ => destination);

        destination.Length.ShouldBe(1000);
    }

    [Fact]
    public async Task Literals_the_hook_declines_keep_their_limits()
    {
        var limits = new ImapLimits { MaxLiteralLength = 10 };
        using var reader = Reader("* 1 FETCH (BODY[HEADER] {11}\r\n01234567890)\r\n", limits);

        var error = await Should.ThrowAsync<ImapProtocolException>(() => reader.ReadAsync(_ => null).AsTask());

        error.Message.ShouldContain("MaxLiteralLength");
    }

    [Fact]
    public async Task A_connection_closed_mid_literal_is_a_protocol_exception()
    {
        using var reader = Reader("* 1 FETCH (BODY[] {100}\r\nonly a few bytes");

        var error = await Should.ThrowAsync<ImapProtocolException>(() => reader.ReadAsync(_ => Stream.Null).AsTask());

        error.ConnectionClosed.ShouldBeTrue();
    }

    [Fact]
    public async Task The_hook_sees_the_values_before_the_literal_in_a_nested_list()
    {
        using var reader = Reader("* 2 FETCH (UID 3 BODY[HEADER.FIELDS (SUBJECT)] {4}\r\nab\r\n)\r\n");
        var preceding = new List<string>();

        await reader.ReadAsync(context =>
        {
            preceding.AddRange(context.Preceding.Select(value => value.ToString()!));
            return null;
        });

        preceding.ShouldBe(["UID", "3", "BODY", "[HEADER.FIELDS (SUBJECT)]"]);
    }
}
