namespace Eas.Actors.Mailboxes.Imap;

/// <summary>Copies a byte range of a stream (or all of it) and counts the whole, for ItemOperations' byte ranges (MS-ASCMD 2.2.3.145).</summary>
internal static class RangeCopy
{
    /// <summary>Writes bytes [Offset, Offset + Length) of <paramref name="source"/> (all when null) and returns the source's full length.</summary>
    public static async Task<long> CopyAsync(Stream source, Stream destination, (long Offset, long Length)? range, CancellationToken cancellationToken)
    {
        var (from, to) = range is { } r ? (r.Offset, r.Offset + r.Length) : (0L, long.MaxValue);
        var buffer = new byte[81920];
        long position = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = Math.Max(from, position);
            var end = Math.Min(to, position + read);
            if (end > start) await destination.WriteAsync(buffer.AsMemory((int)(start - position), (int)(end - start)), cancellationToken);
            position += read;
        }

        return position;
    }
}
