using System.Text;
using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;
using Xunit.Abstractions;
using static Eas.Mail.Tests.Mime.Writing.WritingKit;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>
/// Tests that measure the bytes this thread allocates, so nothing else may run beside them: xunit runs this
/// collection on its own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MimeWritingSerialCollection
{
    public const string Name = "Mime writing, alone";
}

/// <summary>
/// Forwarding a message with a 20 MB attachment reads the original, checks the boundary against it and writes
/// the result through fixed buffers: the bytes allocated stay a small fraction of the attachment, so no string
/// or array of it is ever built.
/// </summary>
[Collection(MimeWritingSerialCollection.Name)]
public sealed class LargeForwardTests(ITestOutputHelper output)
{
    private const int AttachmentLines = 20 * 1024 * 1024 / 78;
    private const long AllowedAllocation = 2 * 1024 * 1024;

    private static readonly byte[] Pattern = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog, 0123456789!");

    [Fact]
    public async Task Forwarding_a_20_MB_attachment_allocates_far_less_than_the_attachment()
    {
        var original = BuildOriginal();
        var forward = await ReadAsync("To: bob@example.org\nSubject: Fwd: big\n\nHere it is.\n");
        var counter = new CountingStream();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var run = ComposeAndWriteAsync(forward, original, counter);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The streams complete every call at once, so all of it ran on this thread and was measured.
        run.IsCompletedSuccessfully.ShouldBeTrue();
        output.WriteLine($"original {original.Length:N0} bytes, written {counter.Count:N0} bytes, allocated {allocated:N0} bytes");
        counter.Count.ShouldBeGreaterThan(original.Length - 1024);
        allocated.ShouldBeLessThan(AllowedAllocation);

        var composed = await run;
        using var written = new MemoryStream();
        await composed.WriteToAsync(written, OutgoingCopy.Delivery);
        written.Length.ShouldBe(counter.Count);
        long decoded = 0;
        var intact = true;
        var buffer = new byte[Pattern.Length * 1024];
        var structure = await new MimeReader().ReadAsync(new MemoryStream(written.ToArray()), async (part, content, ct) =>
        {
            if (part.PartSpecifier != "2") return;
            int read;
            while ((read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct)) > 0)
            {
                intact &= buffer.AsSpan(0, read).SequenceEqual(Repeated(read));
                decoded += read;
            }
        });
        MimeTestData.Outline(structure).ShouldBe("TEXT multipart/mixed\n  1 text/plain\n  2 application/octet-stream");
        decoded.ShouldBe((long)AttachmentLines * Pattern.Length);
        intact.ShouldBeTrue();
    }

    private static async Task<OutgoingMessage> ComposeAndWriteAsync(OutgoingMessage forward, byte[] original, Stream destination)
    {
        var composed = await SmartComposer.ForwardAsync(forward, new MemoryStream(original));
        await composed.WriteToAsync(destination, OutgoingCopy.Delivery);
        return composed;
    }

    private static byte[] Repeated(int length) =>
        [.. Enumerable.Range(0, length).Select(i => Pattern[i % Pattern.Length])];

    /// <summary>A message with a short text and a base64 attachment of <see cref="AttachmentLines"/> lines of the pattern.</summary>
    private static byte[] BuildOriginal()
    {
        var head = Encoding.ASCII.GetBytes(
            "From: ann@example.org\r\nTo: me@example.com\r\nSubject: big\r\nMessage-ID: <big@example.org>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\nContent-Type: text/plain\r\n\r\nThe archive.\r\n" +
            "--big\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"archive.bin\"\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\n");
        var line = Encoding.ASCII.GetBytes(Convert.ToBase64String(Pattern) + "\r\n");
        var tail = "--big--\r\n"u8;
        var message = new byte[head.Length + (AttachmentLines * line.Length) + tail.Length];
        head.CopyTo(message, 0);
        for (var i = 0; i < AttachmentLines; i++) line.CopyTo(message, head.Length + (i * line.Length));
        tail.CopyTo(message.AsSpan(message.Length - tail.Length));
        return message;
    }

    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position
        {
            get => Count;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
