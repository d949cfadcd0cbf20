using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using static Eas.Mail.Tests.Imap.Fetch.FetchParsing;

namespace Eas.Mail.Tests.Imap.Fetch;

public sealed class ImapEnvelopeParserTests
{
    [Fact]
    public async Task Dovecot_envelope_with_an_encoded_name_and_a_group()
    {
        var envelope = await EnvelopeAsync(
            "(\"Tue, 5 Mar 2024 10:00:00 +0100\" \"=?utf-8?q?Gr=C3=BC=C3=9Fe?=\" ((\"=?utf-8?q?J=C3=B6rg?=\" NIL \"j\" \"example.com\")) " +
            "((\"=?utf-8?q?J=C3=B6rg?=\" NIL \"j\" \"example.com\")) ((NIL NIL \"replies\" \"example.com\")) " +
            "((NIL NIL \"a\" \"b.c\") (NIL NIL \"Group\" NIL) (NIL NIL \"x\" \"y.z\") (\"W \\\"V\\\"\" NIL \"w\" \"v.u\") (NIL NIL NIL NIL)) " +
            "NIL NIL \"<parent@x>\" \"<1@x>\")");

        envelope.Date.ShouldBe("Tue, 5 Mar 2024 10:00:00 +0100");
        envelope.Subject.ShouldBe("=?utf-8?q?Gr=C3=BC=C3=9Fe?=");
        var from = envelope.From.ShouldHaveSingleItem().ShouldBeOfType<ImapMailboxAddress>();
        from.Name.ShouldBe("=?utf-8?q?J=C3=B6rg?=");
        from.Address.ShouldBe("j@example.com");
        envelope.ReplyTo.ShouldHaveSingleItem().ShouldBeOfType<ImapMailboxAddress>().Address.ShouldBe("replies@example.com");
        envelope.To.Count.ShouldBe(2);
        envelope.To[0].ShouldBeOfType<ImapMailboxAddress>().Address.ShouldBe("a@b.c");
        var group = envelope.To[1].ShouldBeOfType<ImapGroupAddress>();
        group.Name.ShouldBe("Group");
        group.Members.Select(member => member.Address).ShouldBe(["x@y.z", "w@v.u"]);
        group.Members[1].Name.ShouldBe("W \"V\"");
        envelope.Cc.ShouldBeEmpty();
        envelope.Bcc.ShouldBeEmpty();
        envelope.InReplyTo.ShouldBe("<parent@x>");
        envelope.MessageId.ShouldBe("<1@x>");
    }

    [Fact]
    public async Task All_nil_envelope_and_a_literal_subject()
    {
        var envelope = await EnvelopeAsync("(NIL {11}\r\nHi (there)! NIL NIL NIL NIL NIL NIL NIL NIL)");

        envelope.Subject.ShouldBe("Hi (there)!");
        envelope.Date.ShouldBeNull();
        envelope.From.ShouldBeEmpty();
        envelope.MessageId.ShouldBeNull();
    }

    [Fact]
    public async Task Empty_group_and_a_group_left_open_keep_their_names()
    {
        var envelope = await EnvelopeAsync(
            "(NIL NIL NIL NIL NIL ((NIL NIL \"undisclosed-recipients\" NIL) (NIL NIL NIL NIL)) ((NIL NIL \"open\" NIL) (NIL NIL \"m\" \"h\")) NIL NIL NIL)");

        envelope.To.ShouldHaveSingleItem().ShouldBeOfType<ImapGroupAddress>().Members.ShouldBeEmpty();
        var open = envelope.Cc.ShouldHaveSingleItem().ShouldBeOfType<ImapGroupAddress>();
        open.Name.ShouldBe("open");
        open.Members.ShouldHaveSingleItem().Address.ShouldBe("m@h");
    }

    [Theory]
    [InlineData("(NIL NIL NIL NIL NIL NIL NIL NIL NIL)")]
    [InlineData("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)")]
    [InlineData("\"not a list\"")]
    [InlineData("(NIL NIL ((NIL \"j\" \"example.com\")) NIL NIL NIL NIL NIL NIL NIL)")]
    [InlineData("(NIL NIL (\"j@example.com\") NIL NIL NIL NIL NIL NIL NIL)")]
    [InlineData("(NIL NIL \"j@example.com\" NIL NIL NIL NIL NIL NIL NIL)")]
    [InlineData("(NIL NIL ((NIL NIL NIL NIL)) NIL NIL NIL NIL NIL NIL NIL)")]
    [InlineData("(NIL (a b) NIL NIL NIL NIL NIL NIL NIL NIL)")]
    public async Task Malformed_envelopes_raise_protocol_exceptions(string envelope)
    {
        await Should.ThrowAsync<ImapProtocolException>(() => EnvelopeAsync(envelope));
    }
}
