using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Imap;

/// <summary>A 5 MB message streamed through <see cref="ImapClient.FetchSectionAsync"/> without being held in memory.</summary>
[Collection(DovecotSerialCollection.Name)]
public sealed class ImapClientLargeSectionTests(DovecotFixture fixture)
{
    private const int MessageSize = 5 * 1024 * 1024;

    private readonly MailUser _user = MailUser.Create(fixture.Dovecot, "large");

    [Fact]
    public async Task A_5_mb_message_streams_whole_and_in_ranges_with_bounded_allocation()
    {
        var message = TestMessages.Large(MessageSize);
        await _user.DeliverAsync(message);
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        await client.FetchSectionAsync(1, "", (0, 100), useBinary: false, Stream.Null);

        var whole = new CheckingStream(message, 0);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = await client.FetchSectionAsync(1, "", null, useBinary: false, whole);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        result.ShouldBe(new ImapSectionResult(message.Length, message.Length, Decoded: false));
        whole.Position.ShouldBe(message.Length);
        whole.LargestWrite.ShouldBeLessThanOrEqualTo(64 * 1024);
        allocated.ShouldBeLessThan(256 * 1024, $"{allocated} bytes allocated to stream {message.Length}");

        foreach (var (offset, length) in new (long, long)[] { (0, 1_000_000), (1_000_000, 2_500_000), (3_500_000, 5_000_000), (message.Length - 10, 10) })
        {
            var range = new CheckingStream(message, offset);
            var partial = await client.FetchSectionAsync(1, "", (offset, length), useBinary: false, range);

            var expected = Math.Min(length, message.Length - offset);
            partial.ShouldBe(new ImapSectionResult(expected, message.Length, Decoded: false));
            range.Position.ShouldBe(expected);
        }

        await client.NoopAsync();
    }

    [Fact]
    public async Task A_decoded_attachment_range_reports_the_decoded_total()
    {
        var message = TestMessages.Large(MessageSize);
        await _user.DeliverAsync(message);
        await using var client = await _user.LoginAsync();
        await client.SelectAsync("INBOX");
        var attachment = (await client.FetchAsync(UidSet.Single(1), new ImapFetchRequest(ImapFetchItems.BodyStructure)))[0]
            .Body.ShouldBeOfType<ImapMultipart>().Parts[1].ShouldBeOfType<ImapBasicPart>();
        using var whole = new MemoryStream();
        await client.FetchSectionAsync(1, "2", null, useBinary: true, whole);
        var decoded = whole.ToArray();

        var range = new CheckingStream(decoded, 1_000_000);
        var partial = await client.FetchSectionAsync(1, "2", (1_000_000, 65_536), useBinary: true, range);

        decoded.Length.ShouldBe((int)((attachment.Size + 2) / 78 * 57));
        partial.ShouldBe(new ImapSectionResult(65_536, decoded.Length, Decoded: true));
    }

    /// <summary>A write-only sink that compares what it receives with the expected octets, keeping none.</summary>
    private sealed class CheckingStream(byte[] expected, long offset) : Stream
    {
        private long _position;

        public int LargestWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _position;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset1, int count) => Write(buffer.AsSpan(offset1, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (!buffer.SequenceEqual(expected.AsSpan((int)(offset + _position), buffer.Length)))
                throw new InvalidDataException($"The octets at {offset + _position} differ from the message.");
            _position += buffer.Length;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset1, int count) => throw new NotSupportedException();

        public override long Seek(long offset1, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
