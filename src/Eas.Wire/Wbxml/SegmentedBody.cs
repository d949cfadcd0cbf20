using System.Buffers;

namespace Eas.Wire.Wbxml;

/// <summary>
/// A response body built of bytes in memory and <see cref="BinaryContent"/> read from streams (raw, or in base64
/// form), in order. Its <see cref="Length"/> is known before a byte goes out (an HTTP Content-Length), and
/// <see cref="WriteToAsync"/> copies each content chunk by chunk, so a body carrying a 30 MB attachment costs the
/// WBXML around it plus one chunk. As an <see cref="IBufferWriter{T}"/> it takes a <see cref="WbxmlWriter"/>'s
/// output, and the writer's <see cref="WbxmlWriter.WriteBase64(BinaryContent)"/> places a content inside the
/// document. Disposing the body disposes its contents.
/// </summary>
public sealed class SegmentedBody : IBufferWriter<byte>, IDisposable
{
    private readonly List<Segment> _segments = [];
    private ArrayBufferWriter<byte> _current = new(256);

    /// <summary>The body's length in bytes, contents included.</summary>
    public long Length => _segments.Sum(s => s.Length) + _current.WrittenCount;

    /// <summary>The contents placed in the body, in order.</summary>
    public IEnumerable<BinaryContent> Contents => _segments.Where(s => s.Content is not null).Select(s => s.Content!);

    /// <summary>Places <paramref name="content"/> here: its bytes as they are, or their base64 form (RFC 4648, padded).</summary>
    public void AppendContent(BinaryContent content, bool base64) =>
        AppendContent(content, base64 ? BinaryContentForm.Base64 : BinaryContentForm.Raw);

    /// <summary>Places <paramref name="content"/> here in the given form (<see cref="BinaryContentForm"/>).</summary>
    public void AppendContent(BinaryContent content, BinaryContentForm form)
    {
        ArgumentNullException.ThrowIfNull(content);
        Seal();
        _segments.Add(new Segment(null, content, form, form == BinaryContentForm.Base64 ? BinaryContent.Base64Length(content.Length) : content.Length));
    }

    /// <summary>Appends bytes held in memory.</summary>
    public void Append(ReadOnlySpan<byte> bytes) => _current.Write(bytes);

    /// <inheritdoc />
    public void Advance(int count) => _current.Advance(count);

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0) => _current.GetMemory(sizeHint);

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0) => _current.GetSpan(sizeHint);

    /// <summary>The body as one array; only for bodies without contents (a multipart response's WBXML part, tests).</summary>
    public byte[] ToArray()
    {
        if (_segments.Any(s => s.Content is not null)) throw new InvalidOperationException("The body carries streamed content; write it with WriteToAsync.");
        return [.. _segments.SelectMany(s => s.Bytes!.Value.ToArray()), .. _current.WrittenSpan];
    }

    /// <summary>Writes the body, reading each content once from its stream.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        Seal();
        foreach (var segment in _segments)
        {
            if (segment.Bytes is { } bytes) await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            else if (segment.Form == BinaryContentForm.Base64) await segment.Content!.CopyBase64ToAsync(destination, cancellationToken).ConfigureAwait(false);
            else await segment.Content!.CopyToAsync(destination, segment.Form == BinaryContentForm.InlineString, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes every content (their temporary files delete themselves).</summary>
    public void Dispose()
    {
        foreach (var segment in _segments) segment.Content?.Dispose();
    }

    private void Seal()
    {
        if (_current.WrittenCount == 0) return;
        _segments.Add(new Segment(_current.WrittenMemory, null, BinaryContentForm.Raw, _current.WrittenCount));
        _current = new ArrayBufferWriter<byte>(256);
    }

    private sealed record Segment(ReadOnlyMemory<byte>? Bytes, BinaryContent? Content, BinaryContentForm Form, long Length);
}
