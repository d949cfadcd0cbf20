using System.Buffers.Binary;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// The body of a multipart ItemOperations response (MS-ASCMD 2.2.1.10.1.1, Content-Type
/// <see cref="ContentType"/>): PartsCount, then a PartMetaData (Offset, Length) per part, then the parts. Every
/// field is a 4-byte little-endian integer and an offset counts from the body's first byte. Part 0 is the WBXML
/// document; the fetched bytes follow as parts 1..N, in the order the document's Part elements name them.
/// </summary>
public static class MultiPartResponse
{
    /// <summary>The Content-Type of a multipart response.</summary>
    public const string ContentType = "application/vnd.ms-sync.multipart";

    private const int FieldBytes = 4;

    /// <summary>
    /// Frames <paramref name="wbxml"/> and <paramref name="parts"/>; the parts stay in their streams until the body
    /// is written. The fields are 32-bit, so the whole body must stay under 2 GiB.
    /// </summary>
    public static SegmentedBody Build(ReadOnlyMemory<byte> wbxml, IReadOnlyList<BinaryContent> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var count = parts.Count + 1;
        var headerBytes = FieldBytes + (count * 2 * FieldBytes);
        var header = new byte[headerBytes];
        BinaryPrimitives.WriteInt32LittleEndian(header, count);
        long offset = headerBytes;
        for (var i = 0; i < count; i++)
        {
            var length = i == 0 ? wbxml.Length : parts[i - 1].Length;
            if (offset + length > int.MaxValue) throw new ArgumentException("A multipart response cannot pass 2 GiB: its offsets are 32-bit.", nameof(parts));
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(FieldBytes + (i * 2 * FieldBytes)), (int)offset);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(FieldBytes + (i * 2 * FieldBytes) + FieldBytes), (int)length);
            offset += length;
        }

        var body = new SegmentedBody();
        body.Append(header);
        body.Append(wbxml.Span);
        foreach (var part in parts) body.AppendContent(part, base64: false);
        return body;
    }

    /// <summary>
    /// Reads the part table of a multipart body (a client's side, the load tool's and the tests'): each part's
    /// offset and length, checked against the body's length.
    /// </summary>
    /// <exception cref="FormatException">The table is truncated or a part lies outside the body.</exception>
    public static IReadOnlyList<(int Offset, int Length)> ReadParts(ReadOnlySpan<byte> body)
    {
        if (body.Length < FieldBytes) throw new FormatException("A multipart body starts with a 4-byte PartsCount.");
        var count = BinaryPrimitives.ReadInt32LittleEndian(body);
        if (count < 1 || count > (body.Length - FieldBytes) / (2 * FieldBytes)) throw new FormatException($"PartsCount {count} does not fit a body of {body.Length} bytes.");
        var parts = new (int Offset, int Length)[count];
        for (var i = 0; i < count; i++)
        {
            var offset = BinaryPrimitives.ReadInt32LittleEndian(body[(FieldBytes + (i * 2 * FieldBytes))..]);
            var length = BinaryPrimitives.ReadInt32LittleEndian(body[(FieldBytes + (i * 2 * FieldBytes) + FieldBytes)..]);
            if (offset < 0 || length < 0 || (long)offset + length > body.Length) throw new FormatException($"Part {i} ({offset}, {length}) lies outside a body of {body.Length} bytes.");
            parts[i] = (offset, length);
        }

        return parts;
    }
}
