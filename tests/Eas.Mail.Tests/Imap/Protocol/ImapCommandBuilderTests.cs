using System.Text;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Tests.Imap.Protocol;

public sealed class ImapCommandBuilderTests
{
    [Fact]
    public void Short_ascii_strings_are_quoted_with_escapes()
    {
        var command = new ImapCommandBuilder("LOGIN").String("alice").String("a\"b\\c").Build();

        Wire(command).ShouldBe("LOGIN \"alice\" \"a\\\"b\\\\c\"\r\n");
        command.Parts.ShouldHaveSingleItem();
    }

    [Fact]
    public void Non_ascii_goes_as_a_synchronizing_literal_without_literal_plus()
    {
        var command = new ImapCommandBuilder("LOGIN").String("bob").String("pässword").Build();

        command.Parts.Count.ShouldBe(3);
        Ascii(command.Parts[0].Bytes).ShouldBe("LOGIN \"bob\" {9}\r\n");
        command.Parts[1].WaitForContinuation.ShouldBeTrue();
        command.Parts[1].Bytes.ShouldBe(Encoding.UTF8.GetBytes("pässword"));
        Ascii(command.Parts[2].Bytes).ShouldBe("\r\n");
    }

    [Fact]
    public void Literal_plus_makes_literals_non_synchronizing()
    {
        var command = new ImapCommandBuilder("LOGIN", ImapLiteralMode.NonSynchronizing).String("bob").String("line\r\nbreak").Build();

        Wire(command).ShouldBe("LOGIN \"bob\" {11+}\r\nline\r\nbreak\r\n");
        command.Parts.ShouldAllBe(part => !part.WaitForContinuation);
    }

    [Fact]
    public void Literal_minus_synchronizes_above_4096_octets()
    {
        var small = new ImapCommandBuilder("APPEND", ImapLiteralMode.NonSynchronizingUpTo4096).Literal(Enumerable.Repeat((byte)'x', 4096).ToArray()).Build();
        var large = new ImapCommandBuilder("APPEND", ImapLiteralMode.NonSynchronizingUpTo4096).Literal(Enumerable.Repeat((byte)'x', 4097).ToArray()).Build();

        Ascii(small.Parts[0].Bytes).ShouldBe("APPEND {4096+}\r\n");
        small.Parts[1].WaitForContinuation.ShouldBeFalse();
        Ascii(large.Parts[0].Bytes).ShouldBe("APPEND {4097}\r\n");
        large.Parts[1].WaitForContinuation.ShouldBeTrue();
    }

    [Fact]
    public void Long_strings_go_as_literals()
    {
        var value = new string('a', ImapCommandBuilder.MaxQuotedLength + 1);

        var command = new ImapCommandBuilder("X", ImapLiteralMode.NonSynchronizing).String(value).Build();

        Wire(command).ShouldStartWith($"X {{{value.Length}+}}\r\n");
    }

    [Fact]
    public void Sensitive_arguments_are_masked_in_ToString_and_erasable()
    {
        var command = new ImapCommandBuilder("LOGIN", ImapLiteralMode.NonSynchronizing).String("alice").String("hunter2", sensitive: true).Build();

        command.ToString().ShouldBe("LOGIN \"alice\" ***");
        command.Redact("BAD Error in LOGIN alice hunter2").ShouldBe("BAD Error in LOGIN alice ***");
        command.EraseSecrets();
        Wire(command).ShouldNotContain("hunter2");
    }

    [Fact]
    public void Nul_is_refused_without_echoing_the_value()
    {
        var error = Should.Throw<ArgumentException>(() => new ImapCommandBuilder("LOGIN").String("alice").String("se\0cret", sensitive: true));

        error.Message.ShouldNotContain("se");
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("paren(")]
    [InlineData("quote\"")]
    [InlineData("brace{")]
    [InlineData("ütf")]
    public void Invalid_atoms_are_refused(string atom) =>
        Should.Throw<ArgumentException>(() => new ImapCommandBuilder("X").Atom(atom));

    [Fact]
    public void Atoms_and_numbers_go_as_they_are()
    {
        var command = new ImapCommandBuilder("UID FETCH").Atom("1:*").Atom("BODY.PEEK[HEADER]").Number(42).Atom("\\Seen").Build();

        Wire(command).ShouldBe("UID FETCH 1:* BODY.PEEK[HEADER] 42 \\Seen\r\n");
    }

    private static string Wire(ImapCommand command) => string.Concat(command.Parts.Select(part => Encoding.UTF8.GetString(part.Bytes)));

    private static string Ascii(byte[] bytes) => Encoding.ASCII.GetString(bytes);
}
