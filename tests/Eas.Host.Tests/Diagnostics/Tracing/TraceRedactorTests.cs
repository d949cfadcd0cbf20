using System.Text;
using Eas.Host.Diagnostics.Tracing;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Host.Tests.Diagnostics.Tracing;

/// <summary>What a request trace may show: structure and values, never passwords, message content or attachment bytes.</summary>
public sealed class TraceRedactorTests
{
    private static string Describe(WbxmlElement root) => TraceRedactor.Describe(WbxmlWriter.Encode(root));

    [Fact]
    public void The_settings_recovery_password_is_starred_and_the_rest_is_shown()
    {
        var request = WithChildren(Settings.SettingsElement,
            WithChildren(Settings.DevicePassword, WithChildren(Settings.Set, WithText(Settings.Password, "recovery-Secret-42"))),
            WithChildren(Settings.DeviceInformation, WithChildren(Settings.Set, WithText(Settings.Model, "iPhone15,2"))));

        var xml = Describe(request);

        xml.ShouldNotContain("recovery-Secret-42");
        xml.ShouldContain("<Password>***</Password>");
        xml.ShouldContain("<DevicePassword>", customMessage: "a container keeps its structure");
        xml.ShouldContain("<Model>iPhone15,2</Model>");
    }

    [Fact]
    public void ItemOperations_password_is_starred_even_deep_in_the_request()
    {
        var request = WithChildren(ItemOperations.ItemOperationsElement,
            WithChildren(ItemOperations.Fetch,
                WithText(ItemOperations.Store, "DocumentLibrary"),
                WithChildren(ItemOperations.Options, WithText(ItemOperations.UserName, "mike"), WithText(ItemOperations.Password, "Doc-Lib-Pass"))));

        var xml = Describe(request);

        xml.ShouldNotContain("Doc-Lib-Pass");
        xml.ShouldContain("<Password>***</Password>");
        xml.ShouldContain("<UserName>mike</UserName>");
    }

    [Fact]
    public void Bodies_mime_and_attachment_bytes_are_replaced_by_their_length()
    {
        var mime = Encoding.UTF8.GetBytes("From: a@b\r\nSubject: private\r\n\r\nThe secret plan.\r\n");
        var response = WithChildren(AirSync.Sync,
            WithChildren(AirSync.Collections, WithChildren(AirSync.Collection,
                WithChildren(AirSync.Commands, WithChildren(AirSync.Add,
                    WithText(AirSync.ServerId, "1:7"),
                    WithChildren(AirSync.ApplicationData,
                        WithText(Email.Subject, "Lunch"),
                        WithChildren(AirSyncBase.Body, WithText(AirSyncBase.Type, "4"), WithOpaque(AirSyncBase.Data, mime),
                            WithText(AirSyncBase.Preview, "The secret plan, in short."))))))));
        var sendMail = WithChildren(ComposeMail.SendMail, WithText(ComposeMail.ClientId, "c1"), WithOpaque(ComposeMail.Mime, mime));
        var attachment = WithChildren(ItemOperations.ItemOperationsElement, WithChildren(ItemOperations.Response, WithChildren(ItemOperations.Fetch,
            WithChildren(ItemOperations.Properties, WithOpaque(ItemOperations.Data, new byte[5000])))));

        var sync = Describe(response);
        sync.ShouldNotContain("secret plan");
        sync.ShouldContain($"<airsyncbase:Data>[{mime.Length} bytes]</airsyncbase:Data>");
        sync.ShouldContain("<email:Subject>Lunch</email:Subject>");
        sync.ShouldContain("<airsyncbase:Preview>[26 bytes]</airsyncbase:Preview>", Case.Sensitive, "a preview is a body too");
        var sent = Describe(sendMail);
        sent.ShouldContain($"<Mime>[{mime.Length} bytes]</Mime>");
        sent.ShouldContain("<ClientId>c1</ClientId>");
        Describe(attachment).ShouldContain("<Data>[5000 bytes]</Data>");
    }

    [Fact]
    public void The_original_tree_is_left_as_it_was()
    {
        var request = WithChildren(Settings.SettingsElement, WithChildren(Settings.DevicePassword, WithChildren(Settings.Set, WithText(Settings.Password, "pw"))));

        TraceRedactor.Redact(request);

        request.Element(Settings.DevicePassword)!.Element(Settings.Set)!.ValueOf(Settings.Password).ShouldBe("pw");
    }

    [Fact]
    public void What_is_not_WBXML_is_only_measured()
    {
        TraceRedactor.Describe(Encoding.ASCII.GetBytes("From: a@b\r\n\r\nraw MIME of a 12.1 SendMail")).ShouldBe("(40 bytes, not WBXML)");
        TraceRedactor.Describe(new byte[] { 0x03, 0x01, 0x6A, 0x00, 0x45, 0x3F }).ShouldStartWith("(6 bytes, not decodable: ");
        TraceRedactor.Describe(ReadOnlyMemory<byte>.Empty).ShouldBe("(empty)");
    }
}
