using Eas.Wire.Commands;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Commands.SmartForward;
using Eas.Wire.Commands.SmartReply;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

/// <summary>SendMail, SmartReply and SmartForward (MS-ASCMD 2.2.1.17, 2.2.1.19, 2.2.1.20).</summary>
public sealed class ComposeMailTests
{
    [Fact]
    public void SendMail_takes_opaque_mime_as_bytes()
    {
        // SWITCH_PAGE 21; SendMail; ClientId "1"; SaveInSentItems (empty); Mime OPAQUE(3) "a\r\n"; END.
        var body = Convert.FromHexString("03016A00" + "0015" + "45" + "5103310001" + "08" + "50C30361" + "0D0A" + "01" + "01");

        var request = SendMailRequest.Parse(WbxmlDocument.Parse(body), V141);

        request.ClientId.ShouldBe("1");
        request.SaveInSentItems.ShouldBeTrue();
        request.Mime.ToArray().ShouldBe("a\r\n"u8.ToArray());
    }

    [Fact]
    public void The_corpus_requests_are_typed()
    {
        var send = SendMailRequest.Parse(CommandCorpus.Get("SendMail", "request-14.1-account.xml").Tree(), V141);
        send.AccountId.ShouldBe("2");
        System.Text.Encoding.UTF8.GetString(send.Mime.Span).ShouldStartWith("From: lan@club.example\nTo:");

        var reply = SmartReplyRequest.Parse(CommandCorpus.Get("SmartReply", "request-16.0-long-id.xml").Tree(), V160);
        reply.Source.ShouldBe(new ComposeMailSource { LongId = "RgAAAAD2bC" });
        reply.ReplaceMime.ShouldBeTrue();

        var forward = SmartForwardRequest.Parse(CommandCorpus.Get("SmartForward", "request-16.1-forwardees.xml").Tree(), V161);
        forward.Source.ShouldBe(new ComposeMailSource { FolderId = "8", ItemId = "8:4" });
        forward.Forwardees.ShouldBe([new ComposeMailForwardee("kenji@example.org") { Name = "Kenji Ito" }, new ComposeMailForwardee("team@example.org")]);
    }

    [Theory]
    [InlineData("SendMail", "request-14.1-account.xml", "14.0", "ComposeMail:AccountId")]
    [InlineData("SendMail", "request-14.0-minimal.xml", "12.1", "ComposeMail:SendMail")]
    [InlineData("SmartForward", "request-16.1-forwardees.xml", "14.1", "ComposeMail:Forwardees")]
    public void Version_rules_reject_what_the_version_lacks(string command, string file, string version, string element)
    {
        var tree = CommandCorpus.Get(command, file).Tree();
        Rejects(() => command == "SendMail" ? SendMailRequest.Parse(tree, Version(version)) : SmartForwardRequest.Parse(tree, Version(version)), element);
    }

    [Theory]
    [InlineData("<SendMail xmlns=\"ComposeMail:\"><Mime>x</Mime></SendMail>", "ComposeMail:ClientId")]
    [InlineData("<SendMail xmlns=\"ComposeMail:\"><ClientId>1</ClientId></SendMail>", "ComposeMail:Mime")]
    [InlineData("<SendMail xmlns=\"ComposeMail:\"><ClientId>1</ClientId><Source><ItemId>1</ItemId></Source><Mime>x</Mime></SendMail>", "ComposeMail:Source")]
    [InlineData("<SendMail xmlns=\"ComposeMail:\"><ClientId>1</ClientId><ReplaceMime/><Mime>x</Mime></SendMail>", "ComposeMail:ReplaceMime")]
    [InlineData("<SendMail xmlns=\"ComposeMail:\"><ClientId>12345678901234567890123456789012345678901</ClientId><Mime>x</Mime></SendMail>", "ComposeMail:ClientId")]
    [InlineData("<SendMail xmlns=\"ComposeMail:\"><ClientId>1</ClientId><SaveInSentItems>T</SaveInSentItems><Mime>x</Mime></SendMail>", "ComposeMail:SaveInSentItems")]
    public void Malformed_SendMail_requests_name_the_element(string xml, string element) =>
        Rejects(() => SendMailRequest.Parse(Xml(xml), V141), element);

    [Theory]
    [InlineData("<ClientId>1</ClientId><Mime>x</Mime>", "ComposeMail:Source")]
    [InlineData("<ClientId>1</ClientId><Source><FolderId>5</FolderId></Source><Mime>x</Mime>", "ComposeMail:ItemId")]
    [InlineData("<ClientId>1</ClientId><Source><ItemId>5:1</ItemId></Source><Mime>x</Mime><Forwardees><Forwardee><Email>a@b</Email></Forwardee></Forwardees>", "ComposeMail:Forwardees")]
    public void Malformed_SmartReply_requests_name_the_element(string children, string element) =>
        Rejects(() => SmartReplyRequest.Parse(Xml($"<SmartReply xmlns=\"ComposeMail:\">{children}</SmartReply>"), V161), element);

    [Fact]
    public void A_forwardee_needs_an_address()
    {
        const string xml = "<SmartForward xmlns=\"ComposeMail:\"><ClientId>1</ClientId><Source><ItemId>5:1</ItemId></Source><Mime>x</Mime><Forwardees><Forwardee><Name>A</Name></Forwardee></Forwardees></SmartForward>";
        Rejects(() => SmartForwardRequest.Parse(Xml(xml), V160), "ComposeMail:Email");
    }

    [Fact]
    public void The_query_form_names_the_source_of_a_reply()
    {
        var line = new EasRequestLine
        {
            Command = EasCommand.SmartReply, DeviceId = "d1", DeviceType = "SmartPhone", ProtocolVersion = V121,
            Encoding = EasQueryEncoding.Plain, ItemId = "5:9", CollectionId = "5", SaveInSent = true,
        };

        var request = ComposeMailQueryRequest.From(line, "To: a@b\r\n\r\nx"u8.ToArray());

        request.ShouldSatisfyAllConditions(r => r.ItemId.ShouldBe("5:9"), r => r.CollectionId.ShouldBe("5"), r => r.SaveInSentItems.ShouldBeTrue());
        Should.Throw<EasRequestFormatException>(() => ComposeMailQueryRequest.From(line with { ItemId = null }, "x"u8.ToArray())).Element.ShouldBe("ItemId");
        Should.Throw<EasRequestFormatException>(() => ComposeMailQueryRequest.From(line, ReadOnlyMemory<byte>.Empty)).Element.ShouldBe("Mime");
        Should.Throw<EasRequestFormatException>(() => ComposeMailQueryRequest.From(line with { Command = EasCommand.Ping }, "x"u8.ToArray()));
    }

    [Fact]
    public void A_failure_response_is_the_command_with_its_status()
    {
        DocumentAssert.Same(CorpusTypedTests.Write(w => new SmartForwardResponse(CommonStatus.MessageHasNoRecipient).Write(w, V141)),
            Xml("<SmartForward xmlns=\"ComposeMail:\"><Status>119</Status></SmartForward>"), "SmartForward");
    }
}
