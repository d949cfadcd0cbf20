using System.Buffers;
using System.Text;
using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Finds the empty body parts MimeKit leaves out of its tree. Two delimiter lines in a row ("--b", "--b") make
/// a body part with neither header nor content (RFC 2046 section 5.1.1 allows both to be empty); MimeKit drops
/// it, but an IMAP server counts it, so without it every later part would get the number of its neighbour and
/// a FETCH would return the wrong attachment. Looking back from each part's start in the buffer, every
/// delimiter line right before the one that opened the part is such an empty part.
/// </summary>
internal static class SkippedEmptyParts
{
    /// <summary>How many delimiter lines in a row are looked for; more empty parts than this are not counted.</summary>
    private const int MaxLines = 16;

    /// <summary>For each body part of a multipart in <paramref name="message"/> preceded by empty parts, how many.</summary>
    public static async Task<Dictionary<MimeEntity, int>> CountAsync(
        Stream buffer, MimeMessage message, IReadOnlyDictionary<MimeEntity, EntityExtent> extents, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<MimeEntity, int>(ReferenceEqualityComparer.Instance);
        foreach (var multipart in Multiparts(message))
        {
            var delimiter = Encoding.UTF8.GetBytes("--" + multipart.Boundary);
            foreach (var child in multipart)
            {
                if (!extents.TryGetValue(child, out var extent)) continue;
                var count = await CountBeforeAsync(buffer, extent.BeginOffset, delimiter, cancellationToken).ConfigureAwait(false);
                if (count > 0) counts[child] = count;
            }
        }

        return counts;
    }

    private static IEnumerable<Multipart> Multiparts(MimeMessage message)
    {
        var pending = new Stack<MimeEntity>();
        if (message.Body is { } body) pending.Push(body);
        while (pending.TryPop(out var entity))
        {
            if (entity is Multipart multipart && ImapPartNumbers.IsSplitMultipart(multipart))
            {
                yield return multipart;
                foreach (var child in multipart) pending.Push(child);
            }
            else if (entity is MessagePart { Message.Body: { } inner })
            {
                pending.Push(inner);
            }
        }
    }

    /// <summary>Delimiter lines right before the one that ends at <paramref name="partStart"/>.</summary>
    private static async Task<int> CountBeforeAsync(Stream buffer, long partStart, byte[] delimiter, CancellationToken cancellationToken)
    {
        var window = (int)Math.Min(partStart, (long)(delimiter.Length + 8) * (MaxLines + 1));
        if (window == 0) return 0;
        var bytes = ArrayPool<byte>.Shared.Rent(window);
        try
        {
            buffer.Position = partStart - window;
            await buffer.ReadExactlyAsync(bytes.AsMemory(0, window), cancellationToken).ConfigureAwait(false);
            return Count(bytes.AsSpan(0, window), delimiter);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Delimiter lines right before the last line of <paramref name="lines"/>, which must end the text.</summary>
    private static int Count(ReadOnlySpan<byte> lines, byte[] delimiter)
    {
        if (lines[^1] != (byte)'\n') return 0;
        lines = lines[..^1];
        var delimiters = 0;
        while (delimiters <= MaxLines)
        {
            var start = lines.LastIndexOf((byte)'\n') + 1;
            if (!IsDelimiter(lines[start..], delimiter)) break;
            delimiters++;
            if (start == 0) break;
            lines = lines[..(start - 1)];
        }

        return Math.Max(0, delimiters - 1);
    }

    /// <summary>"--boundary" with optional trailing blanks and CR (RFC 2046 section 5.1.1), not the close delimiter.</summary>
    private static bool IsDelimiter(ReadOnlySpan<byte> line, byte[] delimiter) =>
        line.StartsWith(delimiter) && line[delimiter.Length..].TrimEnd("\r \t"u8).IsEmpty;
}
