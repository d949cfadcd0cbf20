using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Actors.Sync.Email.Reading;
using Xunit.Abstractions;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>Runs alone, so the process-wide allocation count it reads is its own.</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;

/// <summary>
/// A 50 MB message with one large base64 attachment, in a temporary file as the IMAP session buffers it, is
/// read while the bytes allocated stay a small fraction of its size: the parser leaves part contents in the
/// file (persistent mode) and the attachment is measured, never decoded.
/// </summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class LargeMessageTests(ITestOutputHelper output)
{
    private const long MessageBytes = 50L * 1024 * 1024;
    private const long AllowedAllocation = 4 * 1024 * 1024;

    private static readonly byte[] Pattern = Encoding.ASCII.GetBytes("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU");
    private static readonly byte[] Line = Encoding.ASCII.GetBytes(Convert.ToBase64String(Pattern) + "\r\n");
    private static readonly byte[] Head = Encoding.ASCII.GetBytes(
        "From: a@example.com\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=\"=_big\"\r\n\r\n" +
        "--=_big\r\nContent-Type: text/plain\r\n\r\nSee the attached archive.\r\n" +
        "--=_big\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=archive.bin\r\n" +
        "Content-Transfer-Encoding: base64\r\n\r\n");
    private static readonly byte[] Tail = Encoding.ASCII.GetBytes("\r\n--=_big--\r\n");

    [Fact]
    public async Task Reading_a_50_MB_message_from_a_file_allocates_far_less_than_the_message()
    {
        await using var buffer = TemporaryFile.Create();
        var lines = await WriteMessageAsync(buffer);
        var content = new EmailContentRequest(1024, WantHtml: true, WantMime: true);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var item = await StoredMessageReader.ReadAsync(buffer, [], DateTimeOffset.UnixEpoch, content, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"message {buffer.Length:N0} bytes, allocated {allocated:N0} bytes");
        buffer.Length.ShouldBeGreaterThanOrEqualTo(MessageBytes);
        allocated.ShouldBeLessThan(AllowedAllocation);
        item.Subject.ShouldBe("big");
        item.PlainText!.Text.ShouldBe("See the attached archive.");
        item.Mime!.Size.ShouldBe(buffer.Length);
        item.Mime.Data.Length.ShouldBe(1024);
        var attachment = item.Attachments.ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("archive.bin");
        attachment.FileReference.ShouldBe("2");
        attachment.EstimatedSize.ShouldBe(lines * Pattern.Length);
    }

    /// <summary>Header, a short text part, then base64 lines of a repeating 57-byte pattern until the size is reached.</summary>
    private static async Task<long> WriteMessageAsync(Stream buffer)
    {
        var lines = (MessageBytes - Head.Length - Tail.Length) / Line.Length + 1;
        var block = new byte[Line.Length * 1024];
        for (var i = 0; i < 1024; i++) Line.CopyTo(block, i * Line.Length);
        await buffer.WriteAsync(Head);
        for (var written = 0L; written < lines; written += 1024)
        {
            var count = (int)Math.Min(1024, lines - written);
            await buffer.WriteAsync(block.AsMemory(0, count * Line.Length));
        }

        buffer.SetLength(buffer.Length - 2);
        buffer.Position = buffer.Length;
        await buffer.WriteAsync(Tail);
        return lines;
    }
}
