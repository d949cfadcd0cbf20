using System.Net;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.ItemOperations;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// Attachments larger than any buffer the server should hold, over real HTTP against Dovecot: ItemOperations inline
/// (base64 Data) and multipart (MS-ASAcceptMultiPart, MS-ASCMD 2.2.1.10.1), GetAttachment for 12.1, each compared
/// byte for byte with what was delivered; and one over the configured fetch limit answered Status 11 while the
/// mailbox's IMAP session goes on serving.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class BigAttachmentTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const int LimitBytes = 4 * 1024 * 1024;
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Requests:MaxFetchBytes={LimitBytes}");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_large_attachment_arrives_whole_inline_and_as_a_multipart_part()
    {
        var attachment = RandomBytes(3 * 1024 * 1024 + 1, seed: 7);
        var user = MailboxUser.Create(dovecot, "bigio");
        await user.DeliverRawAsync(MessageWith(attachment, "Scan"));
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "BigIo1");
        var reference = FileReference((await phone.SyncAllAsync(phone.IdOf("INBOX"))).Single().Data);

        var inline = await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(reference));
        phone.Client.AcceptMultiPart = true;
        var multipart = await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(reference));

        inline.MediaType.ShouldBe(EasTestClient.ContentType);
        var inlineFetch = Fetch(inline);
        inlineFetch.ValueOf(IoPage.Status).ShouldBe("1");
        Convert.FromBase64String(inlineFetch.Element(IoPage.Properties)!.ValueOf(IoPage.Data)!).ShouldBe(attachment);

        multipart.MediaType.ShouldBe(MultiPartResponse.ContentType);
        var parts = MultiPartResponse.ReadParts(multipart.Bytes);
        parts.Count.ShouldBe(2);
        var properties = Fetch(multipart).Element(IoPage.Properties)!;
        properties.Element(IoPage.Data).ShouldBeNull();
        properties.ValueOf(IoPage.Part).ShouldBe("1");
        multipart.Bytes.AsSpan(parts[1].Offset, parts[1].Length).SequenceEqual(attachment).ShouldBeTrue();
    }

    [Fact]
    public async Task GetAttachment_streams_a_large_attachment_byte_for_byte()
    {
        var attachment = RandomBytes(3 * 1024 * 1024 + 2, seed: 8);
        var user = MailboxUser.Create(dovecot, "bigga");
        await user.DeliverRawAsync(MessageWith(attachment, "Scan"));
        var phone = await SyncingPhone.StartAsync(_server, user, "12.1", "BigGa1");
        var reference = FileReference((await phone.SyncAllAsync(phone.IdOf("INBOX"))).Single().Data);

        var response = await phone.Client.PostAsync("GetAttachment", null, "&AttachmentName=" + Uri.EscapeDataString(reference));

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Bytes.ShouldBe(attachment);
    }

    [Fact]
    public async Task An_attachment_over_the_limit_is_its_fetch_status_and_the_session_serves_on()
    {
        var tooLarge = RandomBytes(LimitBytes + 1, seed: 9);
        var fits = RandomBytes(1000, seed: 10);
        var user = MailboxUser.Create(dovecot, "bigcap");
        await user.DeliverRawAsync(MessageWith(tooLarge, "Too large"));
        await user.DeliverRawAsync(MessageWith(fits, "Fits"));
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "BigCap1");
        var items = await phone.SyncAllAsync(phone.IdOf("INBOX"));
        var large = FileReference(items.Single(i => i.Data.ValueOf(Email.Subject) == "Too large").Data);
        var small = FileReference(items.Single(i => i.Data.ValueOf(Email.Subject) == "Fits").Data);
        phone.Client.AcceptMultiPart = true;

        // The large one first, in the same request: it is read to its end and dropped, so the small one on the
        // same IMAP session after it still comes.
        var response = await phone.Client.PostAsync("ItemOperations", FetchBoth(large, small));

        response.Status.ShouldBe(HttpStatusCode.OK);
        var fetches = response.Body!.Element(IoPage.Response)!.Elements(IoPage.Fetch).ToList();
        fetches.Select(f => f.ValueOf(IoPage.Status)).ShouldBe(["11", "1"]);
        fetches[0].Element(IoPage.Properties).ShouldBeNull();
        fetches[1].Element(IoPage.Properties)!.ValueOf(IoPage.Part).ShouldBe("1");
        var part = MultiPartResponse.ReadParts(response.Bytes)[1];
        response.Bytes.AsSpan(part.Offset, part.Length).SequenceEqual(fits).ShouldBeTrue();
    }

    private static Eas.Wire.Wbxml.WbxmlElement FetchBoth(string first, string second) =>
        Eas.Wire.Wbxml.WbxmlElement.WithChildren(IoPage.ItemOperationsElement, AttachmentFetch(first), AttachmentFetch(second));

    private static Eas.Wire.Wbxml.WbxmlElement AttachmentFetch(string reference) =>
        Eas.Wire.Wbxml.WbxmlElement.WithChildren(IoPage.Fetch,
            Eas.Wire.Wbxml.WbxmlElement.WithText(IoPage.Store, "Mailbox"), Eas.Wire.Wbxml.WbxmlElement.WithText(AirSyncBase.FileReference, reference));

    private static Eas.Wire.Wbxml.WbxmlElement Fetch(EasResponse response) =>
        response.Body.ShouldNotBeNull().Element(IoPage.Response)!.Element(IoPage.Fetch)!;

    private static string FileReference(Eas.Wire.Wbxml.WbxmlElement data) =>
        data.Element(AirSyncBase.Attachments)!.Element(AirSyncBase.Attachment)!.ValueOf(AirSyncBase.FileReference)!;

    private static string MessageWith(byte[] attachment, string subject) =>
        $"From: Anna <anna@example.com>\r\nTo: x@ox.io\r\nSubject: {subject}\r\nDate: Sun, 1 Nov 2026 10:00:00 +0000\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n" +
        "--sep\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe scan.\r\n" +
        "--sep\r\nContent-Type: application/octet-stream; name=\"scan.bin\"\r\nContent-Disposition: attachment; filename=\"scan.bin\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(attachment, Base64FormattingOptions.InsertLineBreaks) + "\r\n--sep--\r\n";

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
