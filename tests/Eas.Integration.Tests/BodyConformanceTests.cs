using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Unicode;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using MailKit;
using static Eas.Wire.Wbxml.WbxmlElement;
using EmailPage = Eas.Wire.CodePages.Email;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// Bodies as MS-ASAIRS and MS-ASEMAIL type them, over real HTTP against Dovecot: Data is a string for every body type
/// (MS-ASAIRS 2.2.2.20.1), MIME included, in Sync and in ItemOperations (a whole message streamed from its buffer too),
/// and so is the 2.5 email:MIMEData (MS-ASEMAIL 2.2.2.50); a message stored with raw 8-bit bytes in ISO-8859-1 goes as
/// its 7-bit form, so the string is UTF-8 and says the same; RTF asked is Type 3, base64; BodyPartPreference gets a
/// BodyPart (2.2.2.10) with Status 1 or 176 (2.2.2.37); BodyPreference children out of order are a protocol error;
/// MIMESupport 0 gets no MIME from ItemOperations (MS-ASCMD 2.2.3.110.1).
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class BodyConformanceTests(DovecotFixture dovecot, DefaultServerFixture shared) : IClassFixture<DefaultServerFixture>
{
    private const string Latin1Text = "Un café crème à emporter, s'il vous plaît.";
    private const string Html = "<html><body><p>Quarterly <b>numbers</b> are in.</p></body></html>";
    // One server for the class: every test signs in with an account of its own.
    private readonly ServerInstance _server = shared.Server;

    [Fact]
    public async Task MS_ASAIRS_2_2_2_20_1_sync_sends_mime_data_as_an_inline_string()
    {
        var (phone, inbox, stored) = await PhoneWithMessageAsync("syncmime", "14.1", AlternativeMessage("Mime in Sync"));

        var data = (await SyncAddsAsync(phone, inbox, Options(Preference(4), WithText(AirSync.MIMESupport, "2")))).Single();

        var body = Child(data, AirSyncBase.Body);
        body.ValueOf(AirSyncBase.Type).ShouldBe("4");
        var value = Child(body, AirSyncBase.Data);
        value.ValueKind.ShouldBe(WbxmlValueKind.Text);
        value.RawValue.ToArray().ShouldBe(stored);
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_20_1_a_whole_message_streamed_by_item_operations_is_string_data()
    {
        // Past 2 MiB the IMAP session keeps the message in a temporary file, and the response streams it from there.
        var (phone, inbox, stored) = await PhoneWithMessageAsync("iomime", "14.1", LargeMessage("Streamed", 2_300_000));
        var serverId = (await phone.SyncAllAsync(inbox)).Single().ServerId;

        var body = Child(FetchProperties(await phone.Client.PostAsync("ItemOperations",
            Fetch(inbox, serverId, WithText(AirSync.MIMESupport, "2"), Preference(4)))), AirSyncBase.Body);

        body.ValueOf(AirSyncBase.Type).ShouldBe("4");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("0");
        var value = Child(body, AirSyncBase.Data);
        value.ValueKind.ShouldBe(WbxmlValueKind.Text);
        value.RawValue.ToArray().ShouldBe(stored);
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_20_1_a_latin1_8bit_message_goes_as_utf8_mime_in_sync_and_item_operations()
    {
        var (phone, inbox, stored) = await PhoneWithMessageAsync("latin1", "14.1", Latin1Message("Café", Latin1Text + "\r\n"));
        stored.ShouldContain((byte)0xE9, "the store keeps the 8-bit byte, so the server has to re-encode");
        Utf8.IsValid(stored).ShouldBeFalse();
        var serverId = (await phone.SyncAllAsync(inbox)).Single().ServerId;

        var fetched = Child(FetchProperties(await phone.Client.PostAsync("ItemOperations",
            Fetch(inbox, serverId, WithText(AirSync.MIMESupport, "2"), Preference(4)))), AirSyncBase.Body);
        var synced = Child((await SyncAddsAsync(phone, inbox, Options(Preference(4), WithText(AirSync.MIMESupport, "2")))).Single(), AirSyncBase.Body);

        foreach (var body in new[] { fetched, synced })
        {
            body.ValueOf(AirSyncBase.Type).ShouldBe("4");
            var data = Child(body, AirSyncBase.Data).RawValue;
            Utf8.IsValid(data.Span).ShouldBeTrue();
            body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe(data.Length.ToString(CultureInfo.InvariantCulture));
            var message = MimeKit.MimeMessage.Load(new MemoryStream(data.ToArray()));
            message.Subject.ShouldBe("Café");
            message.TextBody.ShouldNotBeNull().TrimEnd().ShouldBe(Latin1Text);
        }
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_20_1_a_large_latin1_message_streamed_by_item_operations_is_utf8_with_the_same_text()
    {
        // Past 2 MiB both the fetched message and its 7-bit form are in temporary files.
        var text = new StringBuilder();
        while (text.Length < 2_300_000) text.Append(Latin1Text).Append("\r\n");
        var (phone, inbox, stored) = await PhoneWithMessageAsync("latin1big", "14.1", Latin1Message("Grand café", text.ToString()));
        Utf8.IsValid(stored).ShouldBeFalse();
        var serverId = (await phone.SyncAllAsync(inbox)).Single().ServerId;

        var body = Child(FetchProperties(await phone.Client.PostAsync("ItemOperations",
            Fetch(inbox, serverId, WithText(AirSync.MIMESupport, "2"), Preference(4)))), AirSyncBase.Body);

        body.ValueOf(AirSyncBase.Truncated).ShouldBe("0");
        var data = Child(body, AirSyncBase.Data).RawValue;
        Utf8.IsValid(data.Span).ShouldBeTrue();
        var message = MimeKit.MimeMessage.Load(new MemoryStream(data.ToArray()));
        message.Subject.ShouldBe("Grand café");
        // The text comes back quoted-printable, whose hard line breaks MimeKit decodes as "\n".
        message.TextBody.ShouldNotBeNull().ReplaceLineEndings("\n").ShouldBe(text.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task MS_ASEMAIL_2_2_2_50_version_2_5_sends_mime_data_as_a_string()
    {
        var (phone, inbox, stored) = await PhoneWithMessageAsync("legacymime", "2.5", AlternativeMessage("Mime in 2.5"));

        var data = (await SyncAddsAsync(phone, inbox, WithChildren(AirSync.Options, WithText(AirSync.MIMESupport, "2")))).Single();

        var value = Child(data, EmailPage.MIMEData);
        value.ValueKind.ShouldBe(WbxmlValueKind.Text);
        value.RawValue.ToArray().ShouldBe(stored);
        data.ValueOf(EmailPage.MIMETruncated).ShouldBe("0");
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_20_1_rtf_asked_comes_back_as_type_3_in_base64()
    {
        var (phone, inbox, _) = await PhoneWithMessageAsync("rtf", "14.1", TextMessage("Rtf", "Hello {team}\r\nsee you"));

        var body = Child((await SyncAddsAsync(phone, inbox, Options(Preference(3)))).Single(), AirSyncBase.Body);

        body.ValueOf(AirSyncBase.Type).ShouldBe("3");
        var rtf = Encoding.ASCII.GetString(Convert.FromBase64String(body.ValueOf(AirSyncBase.Data)!));
        rtf.ShouldStartWith("{\\rtf1");
        rtf.ShouldContain("Hello \\{team\\}\\par");
        rtf.ShouldContain("see you");
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_10_sync_with_a_body_part_preference_gets_a_body_part()
    {
        var (phone, inbox, _) = await PhoneWithMessageAsync("bodypart", "14.1", AlternativeMessage("Part in Sync"));

        var data = (await SyncAddsAsync(phone, inbox, Options(Preference(1), PartPreference(preview: 8)))).Single();

        Child(data, AirSyncBase.Body).ValueOf(AirSyncBase.Type).ShouldBe("1");
        var part = Child(data, AirSyncBase.BodyPart);
        part.ValueOf(AirSyncBase.Status).ShouldBe("1");
        part.ValueOf(AirSyncBase.Type).ShouldBe("2");
        long.Parse(part.ValueOf(AirSyncBase.EstimatedDataSize)!, CultureInfo.InvariantCulture).ShouldBeInRange(Html.Length, Html.Length + 2);
        part.ValueOf(AirSyncBase.Data)!.TrimEnd().ShouldBe(Html);
        part.ValueOf(AirSyncBase.Preview).ShouldBe("Quarterl");
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_37_item_operations_body_part_too_large_for_all_or_none_is_status_176()
    {
        var (phone, inbox, _) = await PhoneWithMessageAsync("bodypart176", "16.1", AlternativeMessage("Part too large"));
        var serverId = (await phone.SyncAllAsync(inbox)).Single().ServerId;

        var cut = FetchProperties(await phone.Client.PostAsync("ItemOperations", Fetch(inbox, serverId, Preference(2), PartPreference(truncation: 10))));
        var whole = FetchProperties(await phone.Client.PostAsync("ItemOperations", Fetch(inbox, serverId, Preference(2), PartPreference(truncation: 10, allOrNone: true))));

        var cutPart = Child(cut, AirSyncBase.BodyPart);
        cutPart.ValueOf(AirSyncBase.Status).ShouldBe("1");
        cutPart.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        cutPart.ValueOf(AirSyncBase.Data).ShouldBe(Html[..10]);
        Child(cut, AirSyncBase.Body).ValueOf(AirSyncBase.Type).ShouldBe("2");
        var tooLarge = Child(whole, AirSyncBase.BodyPart);
        tooLarge.ValueOf(AirSyncBase.Status).ShouldBe("176");
        tooLarge.Element(AirSyncBase.Data).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_8_item_operations_body_preference_out_of_order_is_status_2()
    {
        var (phone, inbox, _) = await PhoneWithMessageAsync("order", "14.1", TextMessage("Order", "text"));
        var serverId = (await phone.SyncAllAsync(inbox)).Single().ServerId;
        var reversed = WithChildren(AirSyncBase.BodyPreference, WithText(AirSyncBase.TruncationSize, "100"), WithText(AirSyncBase.Type, "1"));

        var fetch = await phone.Client.PostAsync("ItemOperations", Fetch(inbox, serverId, reversed));
        var sync = await phone.Client.PostAsync("Sync", SyncRequest(phone, inbox, WithChildren(AirSync.Options, reversed)));

        fetch.Status.ShouldBe(HttpStatusCode.OK);
        fetch.Body.ShouldNotBeNull().ValueOf(IoPage.Status).ShouldBe("2");
        sync.Status.ShouldBe(HttpStatusCode.OK);
        sync.Body.ShouldNotBeNull().ValueOf(AirSync.Status).ShouldBe("4");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_110_1_item_operations_with_mime_support_0_gets_the_regular_body_not_mime()
    {
        var (phone, inbox, _) = await PhoneWithMessageAsync("nomime", "14.1", TextMessage("No mime", "just the text"));
        var serverId = (await phone.SyncAllAsync(inbox)).Single().ServerId;

        var body = Child(FetchProperties(await phone.Client.PostAsync("ItemOperations",
            Fetch(inbox, serverId, WithText(AirSync.MIMESupport, "0"), Preference(4)))), AirSyncBase.Body);

        body.ValueOf(AirSyncBase.Type).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data)!.TrimEnd().ShouldBe("just the text");
    }

    private Task<(SyncingPhone Phone, string Inbox, byte[] Stored)> PhoneWithMessageAsync(string name, string version, string message) =>
        PhoneWithMessageAsync(name, version, Encoding.UTF8.GetBytes(message));

    private async Task<(SyncingPhone Phone, string Inbox, byte[] Stored)> PhoneWithMessageAsync(string name, string version, byte[] message)
    {
        var user = MailboxUser.Create(dovecot, name);
        await user.DeliverRawAsync(message);
        var stored = await user.StoredNewestMessageAsync();
        var phone = await SyncingPhone.StartAsync(_server, user, version, name);
        return (phone, phone.IdOf("INBOX"), stored);
    }

    /// <summary>A first Sync with key 0, then one with <paramref name="options"/>; returns the ApplicationData of its Adds.</summary>
    private static async Task<List<WbxmlElement>> SyncAddsAsync(SyncingPhone phone, string inbox, WbxmlElement options)
    {
        phone.Keys.Remove(inbox);
        (await phone.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("1");
        var response = await phone.Client.PostAsync("Sync", SyncRequest(phone, inbox, options));
        response.Status.ShouldBe(HttpStatusCode.OK);
        var collection = response.Body.ShouldNotBeNull().Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        collection.ValueOf(AirSync.Status).ShouldBe("1");
        return [.. SyncingPhone.AddsOf(collection).Select(a => a.Data)];
    }

    private static WbxmlElement SyncRequest(SyncingPhone phone, string inbox, WbxmlElement options)
    {
        var collection = new WbxmlElement(AirSync.Collection);
        if (phone.Version is "2.5" or "12.0" or "12.1") collection.Add(WithText(AirSync.Class, "Email"));
        collection.Add(WithText(AirSync.SyncKey, phone.Keys.GetValueOrDefault(inbox, "0")));
        collection.Add(WithText(AirSync.CollectionId, inbox));
        collection.Add(WithText(AirSync.GetChanges, "1"));
        collection.Add(options);
        return WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, collection));
    }

    private static WbxmlElement Options(params WbxmlElement[] children) => WithChildren(AirSync.Options, children);

    private static WbxmlElement Preference(int type) => WithChildren(AirSyncBase.BodyPreference, WithText(AirSyncBase.Type, type.ToString(CultureInfo.InvariantCulture)));

    private static WbxmlElement PartPreference(int? truncation = null, bool allOrNone = false, int? preview = null)
    {
        var preference = WithChildren(AirSyncBase.BodyPartPreference, WithText(AirSyncBase.Type, "2"));
        if (truncation is { } size) preference.Add(WithText(AirSyncBase.TruncationSize, size.ToString(CultureInfo.InvariantCulture)));
        if (allOrNone) preference.Add(WithText(AirSyncBase.AllOrNone, "1"));
        if (preview is { } length) preference.Add(WithText(AirSyncBase.Preview, length.ToString(CultureInfo.InvariantCulture)));
        return preference;
    }

    private static WbxmlElement Fetch(string collectionId, string serverId, params WbxmlElement[] options) =>
        WithChildren(IoPage.ItemOperationsElement, WithChildren(IoPage.Fetch,
            WithText(IoPage.Store, "Mailbox"), WithText(AirSync.CollectionId, collectionId), WithText(AirSync.ServerId, serverId),
            WithChildren(IoPage.Options, options)));

    private static WbxmlElement FetchProperties(EasResponse response)
    {
        response.Status.ShouldBe(HttpStatusCode.OK);
        var fetch = response.Body.ShouldNotBeNull().Element(IoPage.Response)!.Element(IoPage.Fetch)!;
        fetch.ValueOf(IoPage.Status).ShouldBe("1");
        return fetch.Element(IoPage.Properties)!;
    }

    private static WbxmlElement Child(WbxmlElement element, ushort tag) =>
        element.Element(tag) ?? throw new ShouldAssertException($"No child 0x{tag:X4} in {element}");


    private static string Headers(string subject, string contentType) =>
        $"From: Anna <anna@example.com>\r\nTo: x@example.com\r\nSubject: {subject}\r\nDate: Sun, 1 Nov 2026 10:00:00 +0000\r\n" +
        $"Message-ID: <{Guid.NewGuid():N}@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n\r\n";

    /// <summary>A text/plain message in ISO-8859-1 with raw 8-bit bytes (Content-Transfer-Encoding: 8bit), Subject included.</summary>
    private static byte[] Latin1Message(string subject, string text) =>
        Encoding.Latin1.GetBytes(Headers(subject, "text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit") + text);

    private static string TextMessage(string subject, string text) => Headers(subject, "text/plain; charset=us-ascii") + text + "\r\n";

    private static string AlternativeMessage(string subject) =>
        Headers(subject, "multipart/alternative; boundary=\"b1\"") +
        "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nQuarterly numbers are in.\r\n" +
        "--b1\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n" + Html + "\r\n--b1--\r\n";

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

        return TextMessage(subject, text.ToString());
    }
}
