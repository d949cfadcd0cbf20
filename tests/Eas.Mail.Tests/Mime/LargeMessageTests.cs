using System.Text;
using Eas.Mail.Mime;
using Xunit.Abstractions;

namespace Eas.Mail.Tests.Mime;

/// <summary>
/// A 50 MB message with one large base64 attachment, generated on the fly behind a non-seekable stream, is
/// parsed while the bytes allocated stay a tiny fraction of its size: the reader never holds a body.
/// </summary>
public sealed class LargeMessageTests(ITestOutputHelper output)
{
    private const long MessageBytes = 50L * 1024 * 1024;
    private const long AllowedAllocation = 1024 * 1024;

    [Fact]
    public async Task Extracting_bodies_of_a_50_MB_message_allocates_far_less_than_the_message()
    {
        var stream = new GeneratedMessageStream(MessageBytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var extraction = MessageBodies.ExtractAsync(stream, new MessageBodyOptions { PlainTextLimit = 1024 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The source completes every read at once, so the whole extraction ran on this thread and is measured.
        extraction.IsCompletedSuccessfully.ShouldBeTrue();
        var summary = await extraction;
        output.WriteLine($"message {stream.Produced:N0} bytes, allocated {allocated:N0} bytes");
        stream.Produced.ShouldBeGreaterThanOrEqualTo(MessageBytes);
        allocated.ShouldBeLessThan(AllowedAllocation);
        summary.PlainText!.Text.ShouldBe("See the attached archive.");
        var attachment = summary.Attachments.ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("archive.bin");
        attachment.EncodedSize.ShouldBe(stream.AttachmentEncodedBytes);
        attachment.EstimatedDecodedSize.ShouldBe(stream.AttachmentDecodedBytes);
    }

    [Fact]
    public async Task Streaming_the_decoded_attachment_through_a_handler_also_stays_small()
    {
        var stream = new GeneratedMessageStream(MessageBytes);
        long decoded = 0;
        var mismatch = false;
        var buffer = new byte[16 * 1024];
        var handler = new CountingHandler(buffer, count => decoded += count, data => mismatch |= !GeneratedMessageStream.IsPattern(data));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = new MimeReader().ReadAsync(stream, handler);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        read.IsCompletedSuccessfully.ShouldBeTrue();
        var structure = await read;
        output.WriteLine($"decoded {decoded:N0} bytes, allocated {allocated:N0} bytes");
        allocated.ShouldBeLessThan(AllowedAllocation);
        decoded.ShouldBe(stream.AttachmentDecodedBytes + "See the attached archive.".Length);
        mismatch.ShouldBeFalse();
        structure.FindPart("2")!.LineCount.ShouldBe(stream.AttachmentLines);
    }

    private sealed class CountingHandler(byte[] buffer, Action<int> count, Action<ReadOnlyMemory<byte>> check) : IMimePartHandler
    {
        public async ValueTask OnPartAsync(MimePart part, Stream content, CancellationToken cancellationToken)
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                count(read);
                if (part.PartSpecifier == "2") check(buffer.AsMemory(0, read));
            }
        }
    }

    /// <summary>
    /// Header, a short text part, then base64 lines of a repeating 57-byte pattern until the size is reached,
    /// then the close delimiter. Nothing is allocated per read.
    /// </summary>
    private sealed class GeneratedMessageStream : Stream
    {
        private static readonly byte[] Pattern = Encoding.ASCII.GetBytes("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU");
        private static readonly byte[] Line = Encoding.ASCII.GetBytes(Convert.ToBase64String(Pattern) + "\r\n");
        private static readonly byte[] Head = Encoding.ASCII.GetBytes(
            "From: a@example.com\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=\"=_big\"\r\n\r\n" +
            "--=_big\r\nContent-Type: text/plain\r\n\r\nSee the attached archive.\r\n" +
            "--=_big\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=archive.bin\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\n");
        private static readonly byte[] Tail = Encoding.ASCII.GetBytes("--=_big--\r\n");

        private readonly long _lines;
        private long _position;

        public GeneratedMessageStream(long size) => _lines = (size - Head.Length - Tail.Length) / Line.Length + 1;

        public long Produced => _position;

        public long AttachmentLines => _lines;

        public long AttachmentEncodedBytes => _lines * Line.Length - 2;

        public long AttachmentDecodedBytes => _lines * Pattern.Length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>Whether decoded attachment bytes (read in 16 KiB chunks, aligned to nothing) follow the pattern.</summary>
        public static bool IsPattern(ReadOnlyMemory<byte> data) => data.Span.IndexOfAnyExcept(Pattern.AsSpan()) < 0;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            var bodyEnd = Head.Length + _lines * Line.Length;
            while (written < buffer.Length)
            {
                byte[] source;
                long offset;
                if (_position < Head.Length) (source, offset) = (Head, _position);
                else if (_position < bodyEnd) (source, offset) = (Line, (_position - Head.Length) % Line.Length);
                else if (_position < bodyEnd + Tail.Length) (source, offset) = (Tail, _position - bodyEnd);
                else break;
                var count = (int)Math.Min(buffer.Length - written, source.Length - offset);
                source.AsSpan((int)offset, count).CopyTo(buffer[written..]);
                written += count;
                _position += count;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
