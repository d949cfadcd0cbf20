using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Reading;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using AirSyncBase = Eas.Wire.CodePages.AirSyncBase;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>
/// A whole message fetched for ItemOperations keeps its MIME in the buffer it was fetched into
/// (<see cref="EmailContentRequest.MimePrefixBytes"/>): sent whole, the Body's Data is that buffer, beside the
/// element rather than in it; cut by TruncationSize, the prefix read into memory is the Data as before.
/// </summary>
public sealed class StreamedMimeBodyTests
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes(
        "From: anna@example.com\r\nSubject: Scan\r\nContent-Type: text/plain\r\n\r\n" + new string('m', 5000) + "\r\n");

    private static EmailEncodingOptions MimeOptions(BodyPreference mime) =>
        Options(ProtocolVersion.V141, mime) with { MimeSupport = SyncMimeSupport.Always };

    private static Task<EmailItem> ReadKeepingAsync(Stream buffer, long prefix) =>
        StoredMessageReader.ReadAsync(buffer, [], DateTimeOffset.UnixEpoch,
            new EmailContentRequest(null, WantHtml: true, WantMime: true) { MimePrefixBytes = prefix }, CancellationToken.None);

    [Fact]
    public async Task The_reader_hands_over_the_buffer_and_reads_only_the_prefix()
    {
        var buffer = new MemoryStream(Message);
        var item = await ReadKeepingAsync(buffer, prefix: 40);

        item.Subject.ShouldBe("Scan");
        var mime = item.Mime.ShouldNotBeNull();
        mime.Data.Length.ShouldBe(40);
        mime.Size.ShouldBe(Message.Length);
        var source = mime.Source.ShouldNotBeNull();
        source.Stream.ShouldBeSameAs(buffer);
        source.Length.ShouldBe(Message.Length);
        buffer.Position.ShouldBe(0);
    }

    [Fact]
    public async Task A_whole_mime_body_streams_and_leaves_data_out_of_the_element()
    {
        var item = await ReadKeepingAsync(new MemoryStream(Message), prefix: 0);

        var (properties, bodyData) = EmailApplicationData.BuildFetchProperties(item, MimeOptions(new BodyPreference(BodyType.Mime) { Preview = 20 }));

        bodyData.ShouldBeSameAs(item.Mime!.Source);
        var body = Child(properties, AirSyncBase.Body);
        body.ValueOf(AirSyncBase.Type).ShouldBe("4");
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe(Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("0");
        body.Element(AirSyncBase.Data).ShouldBeNull();
        body.Element(AirSyncBase.Preview).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_truncated_mime_body_is_the_prefix_in_the_element()
    {
        var item = await ReadKeepingAsync(new MemoryStream(Message), prefix: 100);

        var (properties, bodyData) = EmailApplicationData.BuildFetchProperties(item, MimeOptions(new BodyPreference(BodyType.Mime) { TruncationSize = 100 }));

        bodyData.ShouldBeNull();
        var body = Child(properties, AirSyncBase.Body);
        Child(body, AirSyncBase.Data).RawValue.ToArray().ShouldBe(Message[..100]);
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
    }

    [Fact]
    public async Task A_truncation_size_the_message_fits_streams_it_whole()
    {
        var item = await ReadKeepingAsync(new MemoryStream(Message), prefix: 1_000_000);

        var (properties, bodyData) = EmailApplicationData.BuildFetchProperties(item, MimeOptions(new BodyPreference(BodyType.Mime) { TruncationSize = 1_000_000, AllOrNone = true }));

        bodyData.ShouldNotBeNull().Length.ShouldBe(Message.Length);
        Child(properties, AirSyncBase.Body).ValueOf(AirSyncBase.Truncated).ShouldBe("0");
    }

    [Fact]
    public async Task A_sync_item_never_carries_a_streamed_body()
    {
        var item = await ReadKeepingAsync(new MemoryStream(Message), prefix: 0);

        Should.Throw<ArgumentException>(() => EmailApplicationData.Build(item, MimeOptions(new BodyPreference(BodyType.Mime))));
    }

    [Fact]
    public async Task Without_the_prefix_setting_the_reader_keeps_nothing_open()
    {
        var item = await StoredMessageReader.ReadAsync(new MemoryStream(Message), [], DateTimeOffset.UnixEpoch,
            new EmailContentRequest(null, WantHtml: true, WantMime: true), CancellationToken.None);

        item.Mime!.Source.ShouldBeNull();
        item.Mime.Data.Length.ShouldBe(Message.Length);
    }
}
