using System.Buffers;
using System.Text;

namespace Eas.Mail.Smtp;

/// <summary>
/// Reads replies from the server (RFC 5321 section 4.2): lines of a three-digit code, <c>-</c> on every line but
/// the last and a space (or nothing) on the last, then text, each ended by CRLF (a bare LF is tolerated). Text
/// is decoded as UTF-8, which SMTPUTF8 servers may send (RFC 6531 section 3.7.4). Lines are bounded by
/// <see cref="MaxLineLength"/> (RFC 5321 section 4.5.3.1.5 allows 512 octets; servers exceed it) and replies by
/// <see cref="MaxLines"/>; anything else raises <see cref="SmtpProtocolException"/>.
/// </summary>
internal sealed class SmtpReplyReader : IDisposable
{
    public const int MaxLineLength = 4096;

    public const int MaxLines = 512;

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(MaxLineLength + 2);
    private int _start;
    private int _end;

    public SmtpReplyReader(Stream stream) => _stream = stream;

    /// <summary>
    /// Whether bytes arrived beyond the last reply read. Before a TLS upgrade this must be false: anything the
    /// server sent after its STARTTLS reply would otherwise be trusted as if it came over TLS (RFC 3207 section
    /// 4.2 and the attack of CVE-2011-0411).
    /// </summary>
    public bool HasBufferedData => _end > _start;

    public async ValueTask<SmtpReply> ReadAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        int? code = null;
        while (true)
        {
            var line = await ReadLineAsync(lines.Count > 0, cancellationToken).ConfigureAwait(false);
            var (lineCode, last, text) = ParseLine(line.Span);
            if (code is not null && lineCode != code)
                throw new SmtpProtocolException($"The SMTP server changed the reply code from {code} to {lineCode} within one reply.");
            code = lineCode;
            if (lines.Count == MaxLines) throw new SmtpProtocolException($"An SMTP reply has more than {MaxLines} lines.");
            lines.Add(text);
            if (last) return SmtpReply.FromLines(lineCode, lines);
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private static (int Code, bool Last, string Text) ParseLine(ReadOnlySpan<byte> line)
    {
        if (line.Length < 3 || line[0] is < (byte)'2' or > (byte)'5' || !IsDigit(line[1]) || !IsDigit(line[2])
            || (line.Length > 3 && line[3] is not ((byte)' ' or (byte)'-')))
            throw new SmtpProtocolException($"The SMTP server sent a malformed reply line: \"{Printable(line)}\".");
        var code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
        var last = line.Length == 3 || line[3] == ' ';
        var text = line.Length > 4 ? Encoding.UTF8.GetString(line[4..]) : "";
        return (code, last, text);
    }

    private static bool IsDigit(byte value) => value is >= (byte)'0' and <= (byte)'9';

    private static string Printable(ReadOnlySpan<byte> line) =>
        new(Encoding.UTF8.GetString(line[..Math.Min(line.Length, 80)]).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(bool midReply, CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lf = _start + scanned + newline;
                var length = lf - _start;
                if (length > 0 && _buffer[lf - 1] == '\r') length--;
                var line = _buffer.AsMemory(_start, length);
                _start = lf + 1;
                return line;
            }

            scanned = _end - _start;
            if (scanned > MaxLineLength) throw new SmtpProtocolException($"An SMTP reply line is longer than {MaxLineLength} octets.");
            if (_start > 0)
            {
                _buffer.AsSpan(_start, scanned).CopyTo(_buffer);
                _start = 0;
                _end = scanned;
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                throw new IOException(midReply || scanned > 0
                    ? "The SMTP server closed the connection in the middle of a reply."
                    : "The SMTP server closed the connection.");
            _end += read;
        }
    }
}
