using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Eas.Mail.Sieve;

/// <summary>
/// Reads ManageSieve responses (RFC 5804 section 4) from the server's stream: atoms, quoted strings with their
/// <c>\"</c> and <c>\\</c> escapes, literals (<c>{n}</c> or <c>{n+}</c>, CRLF, then n octets, which may hold line
/// breaks) and parenthesized response codes, line by line, until an OK, NO or BYE line ends the response.
/// A server that breaks the syntax, or sends a line or literal beyond the limits, is a <see cref="FormatException"/>.
/// </summary>
internal sealed class ManageSieveReader(Stream stream, int maxLiteralBytes = ManageSieveReader.DefaultMaxLiteralBytes)
{
    /// <summary>Largest literal accepted: a script, a message; Dovecot's own sieve_max_script_size is 1 MiB.</summary>
    public const int DefaultMaxLiteralBytes = 4 * 1024 * 1024;

    private const int MaxLineItems = 1024;
    private const int MaxQuotedBytes = 64 * 1024;

    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    /// <summary>Reads data lines until the final OK, NO or BYE line and returns them all.</summary>
    public async Task<ManageSieveResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        var data = ImmutableArray.CreateBuilder<ImmutableArray<ManageSieveToken>>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.Length > 0 && ResultOf(line[0]) is { } result) return Final(result, line, data.ToImmutable());
            data.Add(line);
        }
    }

    /// <summary>Reads one response line (items up to the CRLF that is not inside a literal).</summary>
    public async Task<ImmutableArray<ManageSieveToken>> ReadLineAsync(CancellationToken cancellationToken)
    {
        var items = ImmutableArray.CreateBuilder<ManageSieveToken>();
        var code = (ImmutableArray<ManageSieveToken>.Builder?)null;
        while (true)
        {
            var next = await PeekAsync(cancellationToken).ConfigureAwait(false);
            switch (next)
            {
                case (byte)' ':
                    _start++;
                    continue;
                case (byte)'\r':
                    _start++;
                    if (await ReadByteAsync(cancellationToken).ConfigureAwait(false) != '\n') throw new FormatException("A ManageSieve line ends with CR not followed by LF.");
                    if (code is not null) throw new FormatException("A ManageSieve response code is not closed.");
                    return items.ToImmutable();
                case (byte)'\n':
                    throw new FormatException("A ManageSieve line ends with LF alone.");
                case (byte)'(':
                    _start++;
                    if (code is not null) throw new FormatException("ManageSieve response codes do not nest.");
                    code = ImmutableArray.CreateBuilder<ManageSieveToken>();
                    continue;
                case (byte)')':
                    _start++;
                    if (code is null) throw new FormatException("A ManageSieve line closes a response code it never opened.");
                    Add(items, new ManageSieveToken(ManageSieveTokenKind.Code, "") { Children = code.ToImmutable() });
                    code = null;
                    continue;
                case (byte)'"':
                    _start++;
                    Add(code ?? items, new ManageSieveToken(ManageSieveTokenKind.String, await ReadQuotedAsync(cancellationToken).ConfigureAwait(false)));
                    continue;
                case (byte)'{':
                    _start++;
                    Add(code ?? items, new ManageSieveToken(ManageSieveTokenKind.String, await ReadLiteralAsync(cancellationToken).ConfigureAwait(false)));
                    continue;
                default:
                    Add(code ?? items, new ManageSieveToken(ManageSieveTokenKind.Atom, await ReadAtomAsync(cancellationToken).ConfigureAwait(false)));
                    continue;
            }
        }
    }

    private static ManageSieveResult? ResultOf(ManageSieveToken first) =>
        first.IsAtom("OK") ? ManageSieveResult.Ok : first.IsAtom("NO") ? ManageSieveResult.No : first.IsAtom("BYE") ? ManageSieveResult.Bye : null;

    private static ManageSieveResponse Final(ManageSieveResult result, ImmutableArray<ManageSieveToken> line, ImmutableArray<ImmutableArray<ManageSieveToken>> data)
    {
        string? code = null, argument = null, message = null;
        foreach (var item in line.Skip(1))
        {
            if (item.Kind == ManageSieveTokenKind.Code && code is null && item.Children.Length > 0)
            {
                code = item.Children[0].Text.ToUpperInvariant();
                argument = item.Children.Length > 1 ? item.Children[1].Text : null;
            }
            else if (item.Kind == ManageSieveTokenKind.String)
            {
                message ??= item.Text;
            }
        }

        return new ManageSieveResponse(result, data) { Code = code, CodeArgument = argument, Message = message };
    }

    private static void Add(ImmutableArray<ManageSieveToken>.Builder items, ManageSieveToken token)
    {
        if (items.Count >= MaxLineItems) throw new FormatException($"A ManageSieve line holds more than {MaxLineItems} items.");
        items.Add(token);
    }

    private async Task<string> ReadAtomAsync(CancellationToken cancellationToken)
    {
        var atom = new StringBuilder();
        while (true)
        {
            var next = await PeekAsync(cancellationToken).ConfigureAwait(false);
            if (next is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'(' or (byte)')' or (byte)'"' or (byte)'{') break;
            if (next < 0x21 || next > 0x7e) throw new FormatException($"A ManageSieve atom holds the octet 0x{next:x2}.");
            if (atom.Length >= MaxQuotedBytes) throw new FormatException("A ManageSieve atom is too long.");
            atom.Append((char)next);
            _start++;
        }

        return atom.ToString();
    }

    private async Task<string> ReadQuotedAsync(CancellationToken cancellationToken)
    {
        using var text = new MemoryStream();
        while (true)
        {
            var next = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
            if (next == '"') return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
            if (next is (byte)'\r' or (byte)'\n') throw new FormatException("A ManageSieve quoted string holds a line break.");
            if (next == '\\')
            {
                next = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
                if (next is not ((byte)'"' or (byte)'\\')) throw new FormatException("A ManageSieve quoted string escapes something other than '\"' or '\\'.");
            }

            if (text.Length >= MaxQuotedBytes) throw new FormatException("A ManageSieve quoted string is too long.");
            text.WriteByte(next);
        }
    }

    private async Task<string> ReadLiteralAsync(CancellationToken cancellationToken)
    {
        var header = new StringBuilder();
        while (true)
        {
            var next = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
            if (next == '}') break;
            if (header.Length > 10) throw new FormatException("A ManageSieve literal's length is too long.");
            header.Append((char)next);
        }

        var digits = header.ToString().TrimEnd('+');
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            throw new FormatException($"A ManageSieve literal has the length '{header}'.");
        if (length > maxLiteralBytes) throw new FormatException($"A ManageSieve literal of {length} octets is over the limit of {maxLiteralBytes}.");
        if (await ReadByteAsync(cancellationToken).ConfigureAwait(false) != '\r' || await ReadByteAsync(cancellationToken).ConfigureAwait(false) != '\n')
            throw new FormatException("A ManageSieve literal's length is not followed by CRLF.");

        var bytes = new byte[length];
        for (var filled = 0; filled < length;)
        {
            if (_start == _end) await FillAsync(cancellationToken).ConfigureAwait(false);
            var take = Math.Min(length - filled, _end - _start);
            Buffer.BlockCopy(_buffer, _start, bytes, filled, take);
            _start += take;
            filled += take;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private async ValueTask<byte> PeekAsync(CancellationToken cancellationToken)
    {
        if (_start == _end) await FillAsync(cancellationToken).ConfigureAwait(false);
        return _buffer[_start];
    }

    private async ValueTask<byte> ReadByteAsync(CancellationToken cancellationToken)
    {
        var next = await PeekAsync(cancellationToken).ConfigureAwait(false);
        _start++;
        return next;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        if (_end == 0) throw new EndOfStreamException("The ManageSieve server closed the connection.");
    }
}
