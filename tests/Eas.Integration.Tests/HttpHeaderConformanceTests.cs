using System.Net;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// Response headers of MS-ASHTTP over real HTTP against Dovecot: what the answer to FolderSync 0 announces
/// (3.2.5.1.2), gzip bodies (2.2.2.1.2 Content-Encoding), and the multipart form asked for by the base64 query's
/// AcceptMultiPart option (2.2.1.1.1.1.2; the header form is in BigAttachmentTests and WholeMessageFetchTests).
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class HttpHeaderConformanceTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASHTTP_3_2_5_1_2_FolderSync_0_carries_X_MS_RP_protocol_versions_and_commands()
    {
        var user = MailboxUser.Create(dovecot, "hdrrp");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "HdrRp1");

        var initial = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync("0"));
        var next = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(initial.Body!.ValueOf(FolderHierarchy.SyncKey)!));

        Header(initial, "X-MS-RP").ShouldBe(ProtocolVersion.SupportedHeaderValue);
        Header(initial, "MS-ASProtocolVersions").ShouldBe(ProtocolVersion.SupportedHeaderValue);
        Header(initial, "MS-ASProtocolCommands")!.Split(',').ShouldContain("FolderSync");
        Header(initial, "MS-ASProtocolCommands")!.Split(',').ShouldContain("Sync");
        Header(next, "X-MS-RP").ShouldBeNull();
        Header(next, "MS-ASProtocolCommands").ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASHTTP_2_2_2_1_2_a_large_wbxml_body_is_gzip_for_a_phone_that_accepts_it_and_plain_otherwise()
    {
        var user = MailboxUser.Create(dovecot, "hdrgz");
        for (var i = 1; i <= 6; i++) await user.DeliverAsync(i, body: string.Concat(Enumerable.Repeat($"Line {i} of a long body. ", 40)));
        var plainPhone = await SyncingPhone.StartAsync(_server, user, "14.1", "HdrGz1");
        var gzipPhone = await SyncingPhone.StartAsync(_server, user, "14.1", "HdrGz2");
        gzipPhone.Client.AcceptEncoding = "gzip, deflate";

        var plain = await SyncAllOnceAsync(plainPhone);
        var gzipped = await SyncAllOnceAsync(gzipPhone);

        plain.Gzipped.ShouldBeFalse();
        gzipped.Gzipped.ShouldBeTrue();
        gzipped.Chunked.ShouldBeFalse();
        gzipped.WireLength.ShouldBeLessThan(gzipped.Bytes.Length / 2);
        SyncingPhone.AddsOf(Collection(gzipped)).Count().ShouldBe(6);
        gzipped.Headers.Vary.ShouldContain("Accept-Encoding");
    }

    [Fact]
    public async Task MS_ASHTTP_2_2_2_1_2_a_small_body_or_a_refused_gzip_is_not_compressed()
    {
        var user = MailboxUser.Create(dovecot, "hdrsm");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "HdrSm1");
        phone.Client.AcceptEncoding = "gzip";

        var small = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));
        phone.Client.AcceptEncoding = "gzip;q=0, identity";
        var refused = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync("0"));

        small.Status.ShouldBe(HttpStatusCode.OK);
        small.Bytes.Length.ShouldBeLessThan(1024);
        small.Gzipped.ShouldBeFalse();
        refused.Bytes.Length.ShouldBeGreaterThan(0);
        refused.Gzipped.ShouldBeFalse();
    }

    [Fact]
    public async Task MS_ASHTTP_2_2_2_1_2_a_parked_Pings_answer_is_never_compressed_whatever_the_threshold()
    {
        await using var server = await ServerInstance.StartAsync(dovecot, null, "--Eas:Requests:GzipMinBytes=1", "--Eas:Ping:MinHeartbeatSeconds=1");
        var user = MailboxUser.Create(dovecot, "hdrping");
        var phone = await SyncingPhone.StartAsync(server, user, "14.1", "HdrPing1");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAllAsync(inbox);
        phone.Client.AcceptEncoding = "gzip";

        var folderSync = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));
        var ping = await phone.Client.PostAsync("Ping", PingRequests.Ping(1, inbox));

        folderSync.Gzipped.ShouldBeTrue("a threshold of 1 byte compresses even a small FolderSync");
        ping.Body.ShouldNotBeNull().ValueOf(Eas.Wire.CodePages.Ping.Status).ShouldBe("1");
        ping.Gzipped.ShouldBeFalse();
    }

    [Fact]
    public async Task MS_ASHTTP_2_2_2_1_2_an_inline_ItemOperations_fetch_streams_gzip_and_a_multipart_one_stays_plain()
    {
        var text = string.Concat(Enumerable.Repeat("A compressible attachment line.\r\n", 4000));
        var user = MailboxUser.Create(dovecot, "hdrio");
        await user.DeliverRawAsync(MessageWith(Encoding.ASCII.GetBytes(text)));
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "HdrIo1");
        var reference = FileReference((await phone.SyncAllAsync(phone.IdOf("INBOX"))).Single().Data);
        phone.Client.AcceptEncoding = "gzip";

        var inline = await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(reference));
        phone.Client.AcceptMultiPart = true;
        var multipart = await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(reference));

        inline.Gzipped.ShouldBeTrue();
        inline.Chunked.ShouldBeTrue();
        inline.WireLength.ShouldBeLessThan(text.Length / 4);
        Encoding.ASCII.GetString(Convert.FromBase64String(Fetch(inline).Element(IoPage.Properties)!.ValueOf(IoPage.Data)!)).ShouldBe(text);
        multipart.Gzipped.ShouldBeFalse();
        multipart.MediaType.ShouldBe(MultiPartResponse.ContentType);
    }

    [Fact]
    public async Task MS_ASHTTP_2_2_1_1_1_1_2_the_base64_query_AcceptMultiPart_option_answers_multipart()
    {
        var attachment = Encoding.ASCII.GetBytes("base64 query attachment");
        var user = MailboxUser.Create(dovecot, "hdrb64");
        await user.DeliverRawAsync(MessageWith(attachment));
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "HdrB64");
        var reference = FileReference((await phone.SyncAllAsync(phone.IdOf("INBOX"))).Single().Data);

        var withoutFlag = await phone.Client.PostBase64Async(EasCommand.ItemOperations, MoreMailRequests.FetchAttachment(reference));
        var withFlag = await phone.Client.PostBase64Async(EasCommand.ItemOperations, MoreMailRequests.FetchAttachment(reference), EasCommandOptions.AcceptMultiPart);

        withoutFlag.Status.ShouldBe(HttpStatusCode.OK);
        withoutFlag.MediaType.ShouldBe(EasTestClient.ContentType);
        withFlag.MediaType.ShouldBe(MultiPartResponse.ContentType);
        Fetch(withFlag).Element(IoPage.Properties)!.ValueOf(IoPage.Part).ShouldBe("1");
        var part = MultiPartResponse.ReadParts(withFlag.Bytes)[1];
        withFlag.Bytes.AsSpan(part.Offset, part.Length).SequenceEqual(attachment).ShouldBeTrue();
    }

    private static async Task<EasResponse> SyncAllOnceAsync(SyncingPhone phone)
    {
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox, key: "0");
        return await phone.Client.PostAsync("Sync", MailRequests.Sync(phone.Version, inbox, phone.Keys[inbox], windowSize: 100));
    }

    private static WbxmlElement Collection(EasResponse response) =>
        response.Body.ShouldNotBeNull().Element(AirSync.Collections)!.Element(AirSync.Collection)!;

    private static string? Header(EasResponse response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : null;

    private static WbxmlElement Fetch(EasResponse response) =>
        response.Body.ShouldNotBeNull().Element(IoPage.Response)!.Element(IoPage.Fetch)!;

    private static string FileReference(WbxmlElement data) =>
        data.Element(AirSyncBase.Attachments)!.Element(AirSyncBase.Attachment)!.ValueOf(AirSyncBase.FileReference)!;

    private static string MessageWith(byte[] attachment) =>
        "From: Anna <anna@example.com>\r\nTo: x@ox.io\r\nSubject: Headers\r\nDate: Sun, 1 Nov 2026 10:00:00 +0000\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n" +
        "--sep\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe file.\r\n" +
        "--sep\r\nContent-Type: application/octet-stream; name=\"file.txt\"\r\nContent-Disposition: attachment; filename=\"file.txt\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(attachment, Base64FormattingOptions.InsertLineBreaks) + "\r\n--sep--\r\n";
}
