using Eas.Mail.Smtp;

namespace Eas.Mail.Tests.Smtp;

public sealed class SmtpEnvelopeTests
{
    [Theory]
    [InlineData("a b@example.com")]
    [InlineData("<a@example.com>")]
    [InlineData("a@example.com\r\nRCPT TO:<evil@example.com>")]
    [InlineData("")]
    public void Unusable_recipients_are_refused(string recipient)
    {
        Should.Throw<ArgumentException>(() => new SmtpEnvelope("alice@example.com", [recipient]));
    }

    [Fact]
    public void An_envelope_needs_a_recipient_and_a_usable_sender()
    {
        Should.Throw<ArgumentException>(() => new SmtpEnvelope("alice@example.com", []));
        Should.Throw<ArgumentException>(() => new SmtpEnvelope("alice@example.com>", ["bob@example.com"]));
    }

    [Fact]
    public void Duplicate_recipients_are_sent_once_and_the_null_sender_is_allowed()
    {
        var envelope = new SmtpEnvelope("", ["bob@example.com", "Bob@Example.com", "carol@example.com"]);

        envelope.Recipients.ShouldBe(["bob@example.com", "carol@example.com"]);
        envelope.ToString().ShouldBe("<> -> <bob@example.com>, <carol@example.com>");
    }

    [Fact]
    public void Non_ascii_addresses_or_headers_need_smtputf8()
    {
        new SmtpEnvelope("alice@example.com", ["bob@example.com"]).RequiresSmtpUtf8.ShouldBeFalse();
        new SmtpEnvelope("jürgen@example.com", ["bob@example.com"]).RequiresSmtpUtf8.ShouldBeTrue();
        new SmtpEnvelope("alice@example.com", ["bob@exämple.com"]).RequiresSmtpUtf8.ShouldBeTrue();
        new SmtpEnvelope("alice@example.com", ["bob@example.com"]) { Utf8Headers = true }.RequiresSmtpUtf8.ShouldBeTrue();
    }
}
