using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using static Eas.Mail.Tests.Imap.Fetch.FetchParsing;

namespace Eas.Mail.Tests.Imap.Fetch;

public sealed class FetchResponseParserTests
{
    [Fact]
    public async Task Summary_items_as_dovecot_sends_them()
    {
        var message = await ParseAsync(
            "UID 17 FLAGS (\\Seen $Forwarded) MODSEQ (624140003) RFC822.SIZE 487 INTERNALDATE \" 1-Nov-2026 12:28:11 -0530\" " +
            "PREVIEW \"Hello world\" BODY[HEADER.FIELDS (IMPORTANCE THREAD-INDEX)] {20}\r\nImportance: high\r\n\r\n");

        message.Uid.ShouldBe(17u);
        message.SequenceNumber.ShouldBe(1u);
        message.Flags.ShouldBe([@"\Seen", "$Forwarded"]);
        message.HasFlag(@"\seen").ShouldBeTrue();
        message.HasFlag(@"\Flagged").ShouldBeFalse();
        message.ModSeq.ShouldBe(624140003UL);
        message.Size.ShouldBe(487UL);
        message.InternalDate.ShouldBe(new DateTimeOffset(2026, 11, 1, 12, 28, 11, TimeSpan.FromMinutes(-330)));
        message.Preview.ShouldBe("Hello world");
        Encoding.ASCII.GetString(message.HeaderFields!.Value.Span).ShouldBe("Importance: high\r\n\r\n");
        message.Envelope.ShouldBeNull();
        message.Body.ShouldBeNull();
    }

    [Fact]
    public async Task Lazy_preview_nil_and_unknown_items()
    {
        var message = await ParseAsync("UID 3 PREVIEW NIL X-GM-LABELS (\\Inbox) EMAILID (M6d99ac3275bb4e) BINARY.SIZE[1] 40");

        message.Uid.ShouldBe(3u);
        message.Preview.ShouldBeNull();
    }

    [Theory]
    [InlineData("UID")]
    [InlineData("UID x")]
    [InlineData("MODSEQ 5")]
    [InlineData("MODSEQ (1 2)")]
    [InlineData("INTERNALDATE \"yesterday\"")]
    [InlineData("INTERNALDATE \"31-Foo-2024 10:00:00 +0000\"")]
    [InlineData("FLAGS \\Seen")]
    [InlineData("UID 4294967296")]
    [InlineData("\"UID\" 1")]
    public async Task Malformed_items_raise_protocol_exceptions(string items)
    {
        await Should.ThrowAsync<ImapProtocolException>(() => ParseAsync(items));
    }
}
