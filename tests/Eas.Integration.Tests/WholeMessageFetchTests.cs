using System.Net;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Wbxml;
using MailKit;
using static Eas.Wire.Wbxml.WbxmlElement;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// A whole message fetched as MIME by ItemOperations (BodyPreference Type 4 with MIMESupport, MS-ASCMD 2.2.3.110.3)
/// over real HTTP against Dovecot: inline (the Body's Data, a string) and multipart (the Body's Part, MS-ASAIRS 2.2.2.33), each
/// byte for byte what the IMAP store holds; a TruncationSize still cuts it; one over the Fetch allowance is Status 11
/// and the session goes on serving.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class WholeMessageFetchTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const int LimitBytes = 4 * 1024 * 1024;
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Requests:MaxFetchBytes={LimitBytes}");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_large_message_arrives_whole_inline_and_as_a_multipart_part()
    {
        var user = MailboxUser.Create(dovecot, "whole");
        await user.DeliverRawAsync(LargeMessage("Whole", 3 * 1024 * 1024));
        var stored = await user.StoredNewestMessageAsync();
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Whole1");
        var inbox = phone.IdOf("INBOX");
        var serverId = (await phone.SyncAllAsync(inbox)).Single().ServerId;

        var inline = await phone.Client.PostAsync("ItemOperations", FetchMime(inbox, serverId));
        phone.Client.AcceptMultiPart = true;
        var multipart = await phone.Client.PostAsync("ItemOperations", FetchMime(inbox, serverId));

        stored.Length.ShouldBeGreaterThan(3 * 1024 * 1024);
        var inlineBody = BodyOf(inline);
        inlineBody.ValueOf(AirSyncBase.Type).ShouldBe("4");
        inlineBody.ValueOf(AirSyncBase.Truncated).ShouldBe("0");
        inlineBody.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe(stored.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        inlineBody.Element(AirSyncBase.Data)!.RawValue.ToArray().ShouldBe(stored);

        multipart.MediaType.ShouldBe(MultiPartResponse.ContentType);
        var multipartBody = BodyOf(multipart);
        multipartBody.Element(AirSyncBase.Data).ShouldBeNull();
        multipartBody.ValueOf(IoPage.Part).ShouldBe("1");
        var part = MultiPartResponse.ReadParts(multipart.Bytes)[1];
        multipart.Bytes.AsSpan(part.Offset, part.Length).SequenceEqual(stored).ShouldBeTrue();
    }

    [Fact]
    public async Task A_truncation_size_still_cuts_the_mime()
    {
        var user = MailboxUser.Create(dovecot, "wholecut");
        await user.DeliverRawAsync(LargeMessage("Cut", 3 * 1024 * 1024));
        var stored = await user.StoredNewestMessageAsync();
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "WholeCut1");
        var inbox = phone.IdOf("INBOX");
        var serverId = (await phone.SyncAllAsync(inbox)).Single().ServerId;

        var body = BodyOf(await phone.Client.PostAsync("ItemOperations", FetchMime(inbox, serverId, truncationSize: 1000)));

        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        body.Element(AirSyncBase.Data)!.RawValue.ToArray().ShouldBe(stored[..1000]);
    }

    [Fact]
    public async Task A_message_over_the_limit_is_its_fetch_status_and_the_session_serves_on()
    {
        var user = MailboxUser.Create(dovecot, "wholecap");
        await user.DeliverRawAsync(LargeMessage("Too large", LimitBytes + (256 * 1024)));
        await user.DeliverRawAsync(LargeMessage("Fits", 10_000));
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "WholeCap1");
        var inbox = phone.IdOf("INBOX");
        var items = await phone.SyncAllAsync(inbox);
        var large = items.Single(i => i.Data.ValueOf(Email.Subject) == "Too large").ServerId;
        var small = items.Single(i => i.Data.ValueOf(Email.Subject) == "Fits").ServerId;
        phone.Client.AcceptMultiPart = true;

        var response = await phone.Client.PostAsync("ItemOperations",
            WithChildren(IoPage.ItemOperationsElement, MimeFetch(inbox, large, null), MimeFetch(inbox, small, null)));

        response.Status.ShouldBe(HttpStatusCode.OK);
        var fetches = response.Body!.Element(IoPage.Response)!.Elements(IoPage.Fetch).ToList();
        fetches.Select(f => f.ValueOf(IoPage.Status)).ShouldBe(["11", "1"]);
        fetches[0].Element(IoPage.Properties).ShouldBeNull();
        fetches[1].Element(IoPage.Properties)!.Element(AirSyncBase.Body)!.ValueOf(IoPage.Part).ShouldBe("1");
        var part = MultiPartResponse.ReadParts(response.Bytes)[1];
        Encoding.ASCII.GetString(response.Bytes, part.Offset, part.Length).ShouldContain("Subject: Fits");
    }

    private static WbxmlElement FetchMime(string collectionId, string serverId, long? truncationSize = null) =>
        WithChildren(IoPage.ItemOperationsElement, MimeFetch(collectionId, serverId, truncationSize));

    private static WbxmlElement MimeFetch(string collectionId, string serverId, long? truncationSize)
    {
        var preference = WithChildren(AirSyncBase.BodyPreference, WithText(AirSyncBase.Type, "4"));
        if (truncationSize is { } size) preference.Add(WithText(AirSyncBase.TruncationSize, size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return WithChildren(IoPage.Fetch,
            WithText(IoPage.Store, "Mailbox"), WithText(AirSync.CollectionId, collectionId), WithText(AirSync.ServerId, serverId),
            WithChildren(IoPage.Options, WithText(AirSync.MIMESupport, "2"), preference));
    }

    private static WbxmlElement BodyOf(EasResponse response)
    {
        response.Status.ShouldBe(HttpStatusCode.OK);
        var fetch = response.Body.ShouldNotBeNull().Element(IoPage.Response)!.Element(IoPage.Fetch)!;
        fetch.ValueOf(IoPage.Status).ShouldBe("1");
        return fetch.Element(IoPage.Properties)!.Element(AirSyncBase.Body)!;
    }


    /// <summary>A plain-text message of about <paramref name="size"/> bytes, with lines of printable ASCII.</summary>
    private static string LargeMessage(string subject, int size)
    {
        var text = new StringBuilder(size + 80);
        var random = new Random(size);
        while (text.Length < size)
        {
            for (var i = 0; i < 76; i++) text.Append((char)random.Next('!', '~' + 1));
            text.Append("\r\n");
        }

        return $"From: Anna <anna@example.com>\r\nTo: x@ox.io\r\nSubject: {subject}\r\nDate: Sun, 1 Nov 2026 10:00:00 +0000\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + text;
    }
}
