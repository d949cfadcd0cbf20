using System.Globalization;
using System.Text;

namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// Reads whole server responses from a stream: tagged, untagged and continuation responses (RFC 3501 section
/// 7, RFC 9051 section 7), including the literals inside them (<c>{n}</c>, <c>{n+}</c>, and <c>~{n}</c> of RFC
/// 3516). A response that breaks the grammar, ends early or exceeds <see cref="ImapLimits"/> raises
/// <see cref="ImapProtocolException"/>; after that the stream position is undefined and the session must end.
/// </summary>
public sealed class ImapResponseReader : IDisposable
{
    private readonly ImapLineReader _lines;
    private readonly ImapLimits _limits;

    public ImapResponseReader(Stream stream, ImapLimits? limits = null)
    {
        _limits = limits ?? ImapLimits.Default;
        _lines = new ImapLineReader(stream, _limits.MaxLineLength);
    }

    /// <summary>
    /// Whether bytes have arrived beyond the last response read. Before a TLS upgrade this must be false:
    /// anything the server sent after its STARTTLS reply would otherwise be trusted as if it came over TLS
    /// (RFC 3501 section 6.2.1; the attack of CVE-2011-0411).
    /// </summary>
    public bool HasBufferedData => _lines.BufferedCount > 0;

    /// <summary>Size of the chunks in which a streamed literal is copied.</summary>
    private const int StreamChunkSize = 64 * 1024;

    public ValueTask<ImapResponse> ReadAsync(CancellationToken cancellationToken = default) => ReadAsync(null, cancellationToken);

    /// <summary>
    /// Reads one response, offering each literal of a data response to <paramref name="literalTarget"/> first.
    /// When the hook returns a stream, the literal's octets are copied to it in 64 KiB chunks as they arrive
    /// and the response holds an <see cref="ImapStreamedLiteral"/> in their place; such a literal is bounded
    /// only by what a literal announcement can express, not by <see cref="ImapLimits.MaxLiteralLength"/> or
    /// <see cref="ImapLimits.MaxResponseLength"/>, since it never sits in memory. When the hook returns
    /// <see langword="null"/> the literal is read as usual, within the limits. The stream is not disposed.
    /// </summary>
    public async ValueTask<ImapResponse> ReadAsync(
        Func<ImapLiteralContext, Stream?>? literalTarget, CancellationToken cancellationToken = default)
    {
        var line = await _lines.ReadLineAsync(midResponse: false, cancellationToken).ConfigureAwait(false);
        if (line.Length > 0 && line.Span[0] == '+')
            return ImapResponse.Continuation(Text(new ImapTokenizer(line.Span, 1).ReadRest()));

        string tag;
        string word;
        int position;
        {
            var tokenizer = new ImapTokenizer(line.Span);
            tag = Ascii(tokenizer.ReadAtom("a tag or '*'"));
            word = Ascii(tokenizer.ReadAtom("a status or data name")).ToUpperInvariant();
            position = tokenizer.Position;
        }

        var status = ParseStatus(word);
        if (tag != "*")
        {
            if (status is not (ImapResponseStatus.Ok or ImapResponseStatus.No or ImapResponseStatus.Bad))
                throw new ImapTokenizer(line.Span, position).Malformed("a tagged response must be OK, NO or BAD");
            return ReadStatus(tag, status, line.Span, position);
        }

        if (status != ImapResponseStatus.None) return ReadStatus(null, status, line.Span, position);

        ulong? number = null;
        if (ulong.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            number = n;
            var tokenizer = new ImapTokenizer(line.Span, position);
            word = Ascii(tokenizer.ReadAtom("a message data name")).ToUpperInvariant();
            position = tokenizer.Position;
        }

        var data = await ReadDataAsync(line, position, (word, number, literalTarget), cancellationToken).ConfigureAwait(false);
        return ImapResponse.DataResponse(number, word, data);
    }

    public void Dispose() => _lines.Dispose();

    private static ImapResponseStatus ParseStatus(string word) => word switch
    {
        "OK" => ImapResponseStatus.Ok,
        "NO" => ImapResponseStatus.No,
        "BAD" => ImapResponseStatus.Bad,
        "PREAUTH" => ImapResponseStatus.PreAuth,
        "BYE" => ImapResponseStatus.Bye,
        _ => ImapResponseStatus.None,
    };

    private static ImapResponse ReadStatus(string? tag, ImapResponseStatus status, ReadOnlySpan<byte> line, int position)
    {
        var tokenizer = new ImapTokenizer(line, position);
        ImapResponseCode? code = null;
        if (tokenizer.PeekIs((byte)'['))
        {
            tokenizer.Skip();
            var content = tokenizer.ReadUntilSectionClose();
            var space = content.IndexOf((byte)' ');
            var name = Ascii(space < 0 ? content : content[..space]).ToUpperInvariant();
            if (name.Length == 0) throw tokenizer.Malformed("empty response code");
            code = new ImapResponseCode(name, space < 0 ? null : Text(content[(space + 1)..]));
        }

        return ImapResponse.StatusResponse(tag, status, code, Text(tokenizer.ReadRest()));
    }

    private async ValueTask<IReadOnlyList<ImapValue>> ReadDataAsync(
        ReadOnlyMemory<byte> line,
        int position,
        (string Name, ulong? Number, Func<ImapLiteralContext, Stream?>? Target) streaming,
        CancellationToken cancellationToken)
    {
        var open = new Stack<(List<ImapValue> Items, bool IsSection)>();
        var root = new List<ImapValue>();
        long total = line.Length;
        while (true)
        {
            var literalLength = ParseLine(line.Span, position, root, open);
            if (literalLength < 0) break;

            var items = open.Count > 0 ? open.Peek().Items : root;
            var target = streaming.Target?.Invoke(
                new ImapLiteralContext(streaming.Name, streaming.Number, items, open.Count, literalLength));
            if (target is not null)
            {
                await _lines.CopyBytesAsync(literalLength, target, StreamChunkSize, cancellationToken).ConfigureAwait(false);
                items.Add(new ImapStreamedLiteral(literalLength));
            }
            else
            {
                total += await ReadLiteralAsync(literalLength, items, total, cancellationToken).ConfigureAwait(false);
            }

            line = await _lines.ReadLineAsync(midResponse: true, cancellationToken).ConfigureAwait(false);
            total += line.Length;
            CheckTotal(total);
            position = 0;
        }

        return root;
    }

    /// <summary>Reads a literal into memory within the limits; returns its length.</summary>
    private async ValueTask<int> ReadLiteralAsync(int literalLength, List<ImapValue> items, long total, CancellationToken cancellationToken)
    {
        if (literalLength > _limits.MaxLiteralLength)
            throw new ImapProtocolException(
                $"A literal of {literalLength} bytes exceeds the limit of {_limits.MaxLiteralLength} bytes (ImapLimits.MaxLiteralLength).");
        CheckTotal(total + literalLength);
        var octets = await _lines.ReadBytesAsync(literalLength, cancellationToken).ConfigureAwait(false);
        items.Add(new ImapString(octets, isLiteral: true));
        return literalLength;
    }

    /// <summary>Parses the values of one line into the open lists; returns a literal's length, or -1 at the end.</summary>
    private int ParseLine(
        ReadOnlySpan<byte> line, int position, List<ImapValue> root, Stack<(List<ImapValue> Items, bool IsSection)> open)
    {
        var tokenizer = new ImapTokenizer(line, position);
        while (true)
        {
            var current = open.Count > 0 ? open.Peek().Items : root;
            var kind = tokenizer.Read(out var bytes, out var literalLength);
            switch (kind)
            {
                case ImapTokenKind.End:
                    if (open.Count > 0) throw tokenizer.Malformed("unclosed list");
                    return -1;
                case ImapTokenKind.Literal:
                    return literalLength;
                case ImapTokenKind.Atom:
                    current.Add(new ImapAtom(Ascii(bytes)));
                    break;
                case ImapTokenKind.Nil:
                    current.Add(ImapNil.Instance);
                    break;
                case ImapTokenKind.QuotedString:
                    current.Add(new ImapString(ImapTokenizer.Unescape(bytes), isLiteral: false));
                    break;
                case ImapTokenKind.ListOpen or ImapTokenKind.SectionOpen when open.Count >= _limits.MaxDepth:
                    throw new ImapProtocolException(
                        $"Response nesting exceeds the limit of {_limits.MaxDepth} levels (ImapLimits.MaxDepth).");
                case ImapTokenKind.ListOpen:
                    open.Push(([], false));
                    break;
                case ImapTokenKind.SectionOpen:
                    open.Push(([], true));
                    break;
                case ImapTokenKind.ListClose or ImapTokenKind.SectionClose:
                    var isSection = kind == ImapTokenKind.SectionClose;
                    if (open.Count == 0 || open.Peek().IsSection != isSection)
                        throw tokenizer.Malformed($"unbalanced '{(isSection ? ']' : ')')}'");
                    var (items, _) = open.Pop();
                    (open.Count > 0 ? open.Peek().Items : root).Add(new ImapList(items, isSection));
                    break;
            }
        }
    }

    private void CheckTotal(long total)
    {
        if (total > _limits.MaxResponseLength)
            throw new ImapProtocolException(
                $"A response exceeds the limit of {_limits.MaxResponseLength} bytes (ImapLimits.MaxResponseLength).");
    }

    private static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
