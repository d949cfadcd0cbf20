using System.Text;
using Eas.Mail.Mime;

namespace Eas.Mail.Tests.Mime;

/// <summary>Builds messages from readable text and reads them back with the part contents collected.</summary>
internal static class MimeTestData
{
    /// <summary>The text with every line end made CRLF, as UTF-8.</summary>
    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    /// <summary>The text with every line end made a bare LF, as UTF-8.</summary>
    public static byte[] Lf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));

    /// <summary>Reads a message through a non-seekable stream that returns at most <paramref name="chunk"/> bytes per read.</summary>
    public static async Task<ReadResult> ReadAsync(byte[] message, int chunk = int.MaxValue, MimeLimits? limits = null)
    {
        var contents = new Dictionary<string, byte[]>();
        var order = new List<string>();
        await using var input = new TrickleStream(message, chunk);
        var structure = await new MimeReader(limits).ReadAsync(input, async (part, content, ct) =>
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            contents[part.PartSpecifier] = buffer.ToArray();
            order.Add(part.PartSpecifier);
        });
        return new ReadResult(structure, contents, order);
    }

    /// <summary>A compact picture of the tree: "spec type/subtype" lines, indented by depth.</summary>
    public static string Outline(MimeStructure structure) =>
        string.Join("\n", structure.Parts.Select(p => new string(' ', p.Depth * 2) + (p.PartSpecifier.Length == 0 ? "TEXT" : p.PartSpecifier) + " " + p.ContentType.MimeType));

    public sealed record ReadResult(MimeStructure Structure, Dictionary<string, byte[]> Contents, List<string> Order)
    {
        public string Text(string specifier) => Encoding.UTF8.GetString(Contents[specifier]);

        public MimePart Part(string specifier) => Structure.FindPart(specifier) ?? throw new InvalidOperationException($"no part {specifier}");
    }
}

/// <summary>A forward-only stream over bytes that hands out at most a fixed number of bytes per read.</summary>
internal sealed class TrickleStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, chunk), data.Length - _position);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
