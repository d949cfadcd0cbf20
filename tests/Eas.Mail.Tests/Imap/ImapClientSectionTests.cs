using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientSectionTests(DovecotFixture fixture)
{
    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "section");

    [Fact]
    public async Task Binary_decodes_an_attachment_and_body_keeps_its_transfer_encoding()
    {
        await _user.DeliverAsync(TestMessages.WithAttachments());
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        using var decoded = new MemoryStream();
        using var encoded = new MemoryStream();
        using var text = new MemoryStream();

        var binary = await client.FetchSectionAsync(1, "2", null, useBinary: true, decoded);
        var body = await client.FetchSectionAsync(1, "2", null, useBinary: false, encoded);
        var plain = await client.FetchSectionAsync(1, "1.1", null, useBinary: false, text);

        Encoding.ASCII.GetString(decoded.ToArray()).ShouldBe(TestMessages.AttachmentText);
        binary.ShouldBe(new ImapSectionResult(TestMessages.AttachmentText.Length, TestMessages.AttachmentText.Length, Decoded: true));
        Encoding.ASCII.GetString(encoded.ToArray()).Trim().ShouldBe(Convert.ToBase64String(Encoding.ASCII.GetBytes(TestMessages.AttachmentText)));
        body!.Decoded.ShouldBeFalse();
        Encoding.UTF8.GetString(text.ToArray()).ShouldBe("Please find the invoice attached.");
        plain!.TotalSize.ShouldBe(text.Length);
        var flags = await client.FetchAsync(UidSet.Single(1), new ImapFetchRequest(ImapFetchItems.Flags));
        flags.ShouldHaveSingleItem().HasFlag(@"\Seen").ShouldBeFalse();
    }

    [Fact]
    public async Task Header_sections_and_ranges_past_the_end()
    {
        var message = TestMessages.Plain("Headers only");
        await _user.DeliverAsync(message);
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        using var header = new MemoryStream();
        using var beyond = new MemoryStream();
        using var fields = new MemoryStream();

        await client.FetchSectionAsync(1, "HEADER", null, useBinary: false, header);
        var past = await client.FetchSectionAsync(1, "", (100_000, 10), useBinary: false, beyond);
        await client.FetchSectionAsync(1, "HEADER.FIELDS (SUBJECT)", null, useBinary: false, fields);

        Encoding.ASCII.GetString(header.ToArray()).ShouldBe(message[..(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)]);
        past.ShouldBe(new ImapSectionResult(0, message.Length, Decoded: false));
        Encoding.ASCII.GetString(fields.ToArray()).ShouldBe("Subject: Headers only\r\n\r\n");
        await Should.ThrowAsync<ArgumentException>(() => client.FetchSectionAsync(1, "1]", null, false, Stream.Null));
        await Should.ThrowAsync<ArgumentException>(() => client.FetchSectionAsync(1, "HEADER", null, true, Stream.Null));
    }

    [Fact]
    public async Task A_missing_message_gives_null_and_writes_nothing()
    {
        await _user.DeliverAsync(TestMessages.Plain("one"));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        using var destination = new MemoryStream();

        var result = await client.FetchSectionAsync(42, "", null, useBinary: false, destination);

        result.ShouldBeNull();
        destination.Length.ShouldBe(0);
    }

    [Fact]
    public async Task Over_tls_a_section_streams_the_same_way()
    {
        var message = TestMessages.Large(300_000);
        await _user.DeliverAsync(message);
        await using var client = await _user.LoginAsync(ImapSecurity.Tls);
        await client.SelectAsync("INBOX");
        using var destination = new MemoryStream();

        var result = await client.FetchSectionAsync(1, "", null, useBinary: false, destination);

        result!.BytesWritten.ShouldBe(message.Length);
        destination.ToArray().AsSpan().SequenceEqual(message).ShouldBeTrue();
    }

    [Fact]
    public async Task A_destination_that_fails_drops_the_connection()
    {
        await _user.DeliverAsync(TestMessages.Large(200_000));
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");

        await Should.ThrowAsync<Exception>(() => client.FetchSectionAsync(1, "", null, false, new MemoryStream(new byte[10], writable: false)));

        client.State.ShouldBe(ImapSessionState.Disconnected);
    }
}
