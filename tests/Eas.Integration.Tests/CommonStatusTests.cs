using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Host.Tests.Diagnostics;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// MS-ASCMD 2.2.2 (common status codes) over real HTTP: from 14.0 a request that is well-formed HTTP but wrong is
/// answered 200 with the status in the command's top-level Status; before 14.0 the HTTP codes stay. Each refusal is
/// still on the request log line (event 1000) with its reason.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class CommonStatusTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, _logs.AddTo);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASCMD_2_2_2_a_DeviceId_longer_than_32_characters_is_status_108_from_14_0_and_HTTP_400_before()
    {
        var tooLong = new string('d', 33);

        var modern = await PostRawAsync($"Cmd=FolderSync&User=mike&DeviceId={tooLong}&DeviceType=T", "14.1", WbxmlWriter.Encode(MailRequests.FolderSync("0")));
        var legacy = await PostRawAsync($"Cmd=FolderSync&User=mike&DeviceId={tooLong}&DeviceType=T", "12.1", WbxmlWriter.Encode(MailRequests.FolderSync("0")));

        modern.Status.ShouldBe(HttpStatusCode.OK);
        modern.Body.ShouldNotBeNull().Tag.ShouldBe(FolderHierarchy.FolderSync);
        modern.Body.ValueOf(FolderHierarchy.Status).ShouldBe("108");
        legacy.Status.ShouldBe(HttpStatusCode.BadRequest);
        var lines = await _logs.WaitForAsync(e => e.EventId == 1000 && e.Message.Contains("DeviceId is 33 characters long", StringComparison.Ordinal), count: 2);
        lines.ShouldContain(e => e.Message.StartsWith("FolderSync ", StringComparison.Ordinal) && e.Message.Contains(" v14.1 -> 200 ", StringComparison.Ordinal));
        lines.ShouldContain(e => e.Message.StartsWith("FolderSync ", StringComparison.Ordinal) && e.Message.Contains(" v12.1 -> 400 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MS_ASHTTP_2_2_1_1_1_2_3_a_DeviceId_with_hyphens_is_accepted_at_14_1()
    {
        var user = MailboxUser.Create(dovecot, "hyphen");
        var phone = _server.Phone(user.Address, user.Password, "ios-1a2b-3c4d", "14.1");
        await phone.ProvisionAsync();

        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_2_invalid_WBXML_is_status_102_in_the_top_level_element_from_14_0_and_HTTP_400_before()
    {
        // A WBXML header, then the Sync tag with content and a byte that is no token of the page.
        byte[] garbage = [0x03, 0x01, 0x6A, 0x00, 0x45, 0x7F, 0x01];

        var modern = await PostRawAsync("Cmd=Sync&User=mike&DeviceId=Wbxml1&DeviceType=T", "14.1", garbage);
        var legacy = await PostRawAsync("Cmd=Sync&User=mike&DeviceId=Wbxml2&DeviceType=T", "12.1", garbage);

        modern.Status.ShouldBe(HttpStatusCode.OK);
        modern.Body.ShouldNotBeNull().Tag.ShouldBe(AirSync.Sync);
        modern.Body.ValueOf(AirSync.Status).ShouldBe("102");
        legacy.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await _logs.WaitForAsync(e => e.EventId == 1000 && e.Message.Contains(" Wbxml1 v14.1 -> 200 ", StringComparison.Ordinal))).ShouldHaveSingleItem()
            .Message.ShouldContain("(Unknown token 0x3F");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_2_MoveItems_without_DstFldId_is_status_105_in_MoveItems_from_14_0()
    {
        var body = WithChildren(Move.MoveItems, WithChildren(Move.MoveElement, WithText(Move.SrcMsgId, "5:1"), WithText(Move.SrcFldId, "5")));

        var modern = await PostRawAsync("Cmd=MoveItems&User=mike&DeviceId=Move105&DeviceType=T", "14.1", WbxmlWriter.Encode(body));
        var legacy = await PostRawAsync("Cmd=MoveItems&User=mike&DeviceId=Move105b&DeviceType=T", "12.1", WbxmlWriter.Encode(body));

        modern.Status.ShouldBe(HttpStatusCode.OK);
        modern.Body.ShouldNotBeNull().Tag.ShouldBe(Move.MoveItems);
        modern.Body.ValueOf(Move.Status).ShouldBe("105");
        legacy.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_2_SendMail_from_an_AccountId_the_user_does_not_have_is_status_166_and_nothing_is_sent()
    {
        var user = MailboxUser.Create(dovecot, "acct");
        var phone = _server.Phone(user.Address, user.Password, "Acct166", "14.1");
        await phone.ProvisionAsync();
        var mime = ComposeRequests.Message(user.Address, user.Address, "From elsewhere", "Hello");
        var send = ComposeRequests.SendMail("c166", mime);
        send.Add(WithText(ComposeMail.AccountId, "other-account"));

        var response = await phone.PostAsync("SendMail", send);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Body.ShouldNotBeNull().Tag.ShouldBe(ComposeMail.SendMail);
        response.Body.ValueOf(ComposeMail.Status).ShouldBe("166");
        using var imap = await user.ConnectImapAsync();
        var inbox = imap.Inbox;
        await inbox.OpenAsync(MailKit.FolderAccess.ReadOnly);
        inbox.Count.ShouldBe(0);
    }

    private async Task<(HttpStatusCode Status, WbxmlElement? Body)> PostRawAsync(string query, string version, byte[] body)
    {
        using var http = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Microsoft-Server-ActiveSync?" + query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(EasTestClient.ContentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DovecotFixture.Mike}:{DovecotFixture.MikePassword}")));
        request.Headers.Add("MS-ASProtocolVersion", version);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, bytes.Length > 0 && response.Content.Headers.ContentType?.MediaType == EasTestClient.ContentType ? WbxmlDocument.Parse(bytes) : null);
    }
}
