using System.Text;
using Eas.Actors.Sending.Compose;
using MimeKit;
using static Eas.Actors.Tests.Sending.ComposeKit;

namespace Eas.Actors.Tests.Sending;

/// <summary>Allocation is measured process-wide, so nothing else may run meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Allocation";
}

/// <summary>A forwarded original's attachment stays in its file: composing and writing do not take it into memory.</summary>
[Collection(AllocationCollection.Name)]
public sealed class LargeForwardTests
{
    private const int AttachmentBytes = 20 * 1024 * 1024;

    [Fact]
    public async Task Forwarding_a_20_MB_attachment_allocates_far_less_than_the_attachment()
    {
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await WriteOriginalAsync(file);
        using var forward = Read("From: me@example.com\nTo: bob@example.org\nSubject: Fwd: big\n\nFYI\n");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        file.Position = 0;
        using var original = await MimeMessage.LoadAsync(ParserOptions.Default, file, persistent: true);
        await SmartComposer.ComposeAsync(forward, original, file, forward: true, replaceMime: false, CancellationToken.None);
        var counter = new CountingStream();
        await forward.WriteToAsync(counter, OutgoingCopy.Delivery);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        counter.Length.ShouldBeGreaterThan(AttachmentBytes * 4 / 3, "the attachment is written, base64 as it came");
        allocated.ShouldBeLessThan(AttachmentBytes / 4, $"allocated {allocated:N0} bytes");
    }

    private static async Task WriteOriginalAsync(Stream file)
    {
        await file.WriteAsync(Crlf("From: ann@example.org\nSubject: big\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nHere.\n--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"big.bin\"\nContent-Transfer-Encoding: base64\n\n"));
        var chunk = new byte[57 * 1024];
        new Random(7).NextBytes(chunk);
        var line = new StringBuilder();
        for (var written = 0; written < AttachmentBytes; written += chunk.Length)
        {
            line.Clear();
            for (var at = 0; at < chunk.Length; at += 57) line.Append(Convert.ToBase64String(chunk, at, 57)).Append("\r\n");
            await file.WriteAsync(Encoding.ASCII.GetBytes(line.ToString()));
        }

        await file.WriteAsync(Crlf("--b--\n"));
    }

    /// <summary>A write-only stream that counts what it is given and keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
