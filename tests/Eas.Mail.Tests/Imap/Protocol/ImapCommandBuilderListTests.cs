using System.Text;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Tests.Imap.Protocol;

public sealed class ImapCommandBuilderListTests
{
    [Fact]
    public void Lists_nest_without_inner_spaces_and_hold_strings()
    {
        var command = new ImapCommandBuilder("ID").BeginList().String("name").String("eas").Raw("NIL").BeginList().Atom("a").EndList().EndList().Build();

        Wire(command).ShouldBe("ID (\"name\" \"eas\" NIL (a))\r\n");
        command.ToString().ShouldBe("ID (\"name\" \"eas\" NIL (a))");
    }

    [Fact]
    public void Empty_lists_and_raw_syntax()
    {
        var command = new ImapCommandBuilder("UID STORE").Atom("1:3").Raw("(UNCHANGEDSINCE 5)").Atom("FLAGS.SILENT").BeginList().EndList().Build();

        Wire(command).ShouldBe("UID STORE 1:3 (UNCHANGEDSINCE 5) FLAGS.SILENT ()\r\n");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\r\nb")]
    [InlineData("ü")]
    public void Raw_accepts_only_printable_ascii(string syntax)
    {
        Should.Throw<ArgumentException>(() => new ImapCommandBuilder("X").Raw(syntax));
    }

    [Fact]
    public void A_stream_literal_is_a_part_of_its_own_and_literal_plus_keeps_it_non_synchronizing()
    {
        using var message = new MemoryStream(Encoding.ASCII.GetBytes("Subject: x\r\n\r\nbody\r\n"));

        var command = new ImapCommandBuilder("APPEND", ImapLiteralMode.NonSynchronizing).String("INBOX").Literal(message, message.Length).Build();

        command.Parts.Count.ShouldBe(3);
        Encoding.ASCII.GetString(command.Parts[0].Bytes).ShouldBe("APPEND \"INBOX\" {20+}\r\n");
        command.Parts[1].Source.ShouldBeSameAs(message);
        command.Parts[1].SourceLength.ShouldBe(20);
        command.Parts[1].WaitForContinuation.ShouldBeFalse();
        Encoding.ASCII.GetString(command.Parts[2].Bytes).ShouldBe("\r\n");
        command.ToString().ShouldBe("APPEND \"INBOX\" {20}");
    }

    [Fact]
    public void A_stream_literal_synchronizes_without_literal_plus()
    {
        var command = new ImapCommandBuilder("APPEND").String("INBOX").Literal(Stream.Null, 5000).Build();

        Encoding.ASCII.GetString(command.Parts[0].Bytes).ShouldBe("APPEND \"INBOX\" {5000}\r\n");
        command.Parts[1].WaitForContinuation.ShouldBeTrue();
    }

    private static string Wire(ImapCommand command) => string.Concat(command.Parts.Select(part => Encoding.UTF8.GetString(part.Bytes)));
}
