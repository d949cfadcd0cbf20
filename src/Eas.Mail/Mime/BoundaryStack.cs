using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// The boundaries of the multiparts the reader is inside, outermost first. A line is a delimiter (RFC 2046
/// section 5.1.1) when it is "--" and a boundary, optionally "--" (the close delimiter), then only blanks
/// (transport padding). The innermost match wins, so a nested multipart that reuses its parent's boundary
/// still parses.
/// </summary>
internal sealed class BoundaryStack
{
    private readonly List<byte[]> _delimiters = [];

    public int Count => _delimiters.Count;

    public void Push(string boundary) => _delimiters.Add(Encoding.UTF8.GetBytes("--" + boundary));

    public void Pop() => _delimiters.RemoveAt(_delimiters.Count - 1);

    /// <summary>The level (0 = outermost) of the innermost boundary <paramref name="line"/> delimits, or -1.</summary>
    public int Match(ReadOnlySpan<byte> line, out bool isClose)
    {
        isClose = false;
        if (line.Length < 2 || line[0] != '-' || line[1] != '-') return -1;
        for (var level = _delimiters.Count - 1; level >= 0; level--)
        {
            var delimiter = _delimiters[level];
            if (!line.StartsWith(delimiter)) continue;
            var rest = line[delimiter.Length..];
            var close = rest.StartsWith("--"u8);
            if (close) rest = rest[2..];
            if (rest.TrimEnd(" \t\r\n"u8).Length != 0) continue;
            isClose = close;
            return level;
        }

        return -1;
    }
}
