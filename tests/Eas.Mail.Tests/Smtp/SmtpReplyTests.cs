using Eas.Mail.Smtp;

namespace Eas.Mail.Tests.Smtp;

public sealed class SmtpReplyTests
{
    [Theory]
    [InlineData("5.1.1 User unknown", "5.1.1", "User unknown")]
    [InlineData("5.1.1", "5.1.1", "")]
    [InlineData("4.7.0 Temporary failure", "4.7.0", "Temporary failure")]
    [InlineData("5.123.456 odd but valid", "5.123.456", "odd but valid")]
    public void An_enhanced_status_code_is_taken_out_of_the_text(string line, string code, string text)
    {
        var reply = SmtpReply.FromLines(code[0] == '4' ? 451 : 550, [line]);

        reply.EnhancedStatusCode.ToString().ShouldBe(code);
        reply.Text.ShouldBe(text);
    }

    [Theory]
    [InlineData(550, "2.0.0 class differs from the reply")]
    [InlineData(550, "5.1 too short")]
    [InlineData(550, "5.1.1234 detail too long")]
    [InlineData(550, "5.1.1x no separator")]
    [InlineData(550, "3.1.1 no such class")]
    [InlineData(550, "Mailbox unavailable")]
    public void Text_without_a_matching_enhanced_code_is_kept_whole(int code, string line)
    {
        var reply = SmtpReply.FromLines(code, [line]);

        reply.EnhancedStatusCode.ShouldBeNull();
        reply.Text.ShouldBe(line);
    }

    [Fact]
    public void Every_line_loses_the_repeated_code()
    {
        var reply = SmtpReply.FromLines(550, ["5.1.1 <a@b.c>: Recipient address rejected:", "5.1.1 User unknown", "no code here"]);

        reply.Lines.ShouldBe(["<a@b.c>: Recipient address rejected:", "User unknown", "no code here"]);
        reply.ToString().ShouldBe("550 5.1.1 <a@b.c>: Recipient address rejected:\nUser unknown\nno code here");
    }

    [Theory]
    [InlineData("AUTH", 535, "5.7.8", SmtpFailureKind.AuthenticationFailed)]
    [InlineData("AUTH", 534, "5.7.9", SmtpFailureKind.AuthenticationFailed)]
    [InlineData("AUTH", 454, "4.7.0", SmtpFailureKind.Transient)]
    [InlineData("AUTH", 538, "5.7.11", SmtpFailureKind.Permanent)]
    [InlineData("RCPT", 550, "5.1.1", SmtpFailureKind.RecipientRejected)]
    [InlineData("RCPT", 552, "5.2.2", SmtpFailureKind.RecipientRejected)]
    [InlineData("RCPT", 452, "4.5.3", SmtpFailureKind.Transient)]
    [InlineData("MAIL", 552, "5.3.4", SmtpFailureKind.MessageTooLarge)]
    [InlineData("MAIL", 552, null, SmtpFailureKind.MessageTooLarge)]
    [InlineData("MAIL", 553, "5.7.1", SmtpFailureKind.Permanent)]
    [InlineData("DATA", 552, null, SmtpFailureKind.MessageTooLarge)]
    [InlineData("DATA", 554, "5.2.3", SmtpFailureKind.MessageTooLarge)]
    [InlineData("DATA", 554, "5.7.1", SmtpFailureKind.Permanent)]
    [InlineData("EHLO", 421, "4.3.2", SmtpFailureKind.Transient)]
    public void Refusals_are_classified(string command, int code, string? enhanced, SmtpFailureKind kind)
    {
        var reply = SmtpReply.FromLines(code, [enhanced is null ? "refused" : $"{enhanced} refused"]);

        SmtpCommandException.Classify(command, reply).ShouldBe(kind);
    }

    [Fact]
    public void Ehlo_keywords_are_parsed_case_insensitively_with_their_parameters()
    {
        var ehlo = SmtpReply.FromLines(250, ["mail.example.com Hello", "size 0", "Auth=LOGIN", "AUTH PLAIN", "x-custom a b", "8bitmime"]);

        var capabilities = SmtpCapabilities.Parse(ehlo);

        capabilities.Size.ShouldBeTrue();
        capabilities.MaxMessageSize.ShouldBeNull("SIZE 0 announces no fixed limit (RFC 1870 section 4)");
        capabilities.AuthMechanisms.ShouldBe(["LOGIN", "PLAIN"], ignoreOrder: true);
        capabilities.Parameters("AUTH").ShouldBe("PLAIN");
        capabilities.Parameters("X-CUSTOM").ShouldBe("a b");
        capabilities.EightBitMime.ShouldBeTrue();
        capabilities.Contains("mail.example.com").ShouldBeFalse("the first line is the greeting, not a keyword");
    }
}
