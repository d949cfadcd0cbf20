using System.Buffers;
using System.Globalization;
using System.Text;

namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// Builds a command's octets, choosing for each string argument the form IMAP allows (RFC 3501 section 4.3,
/// RFC 9051 section 4.3): a quoted string (with <c>\"</c> and <c>\\</c> escaped) for short 7-bit text, else a
/// literal, non-synchronizing where the <see cref="ImapLiteralMode"/> permits (RFC 7888). Strings that can
/// hold no NUL (all of IMAP's, outside RFC 3516 literal8) are rejected with an exception that does not
/// contain the value.
/// </summary>
public sealed class ImapCommandBuilder
{
    /// <summary>Longest string sent quoted; longer ones go as literals, which servers take at any length.</summary>
    public const int MaxQuotedLength = 1024;

    private const int LiteralMinusLimit = 4096;

    private readonly string _name;
    private readonly ImapLiteralMode _literalMode;
    private readonly List<ImapCommandPart> _parts = [];
    private readonly ArrayBufferWriter<byte> _text = new(64);
    private readonly StringBuilder _display = new();
    private bool _textIsSensitive;
    private bool _atListStart;
    private List<string>? _secrets;

    /// <param name="name">The command name; one or more atoms separated by spaces (<c>UID FETCH</c>).</param>
    /// <param name="literalMode">What the server's capabilities allow (<see cref="ImapCapabilities.LiteralMode"/>).</param>
    public ImapCommandBuilder(string name, ImapLiteralMode literalMode = ImapLiteralMode.Synchronizing)
    {
        foreach (var word in name.Split(' ')) CheckAtom(word, nameof(name));
        _name = name;
        _literalMode = literalMode;
        WriteAscii(name);
        _display.Append(name);
    }

    /// <summary>
    /// Appends an atom: a keyword, number, sequence set, flag (<c>\Seen</c>) or section (<c>BODY[1]</c>).
    /// Its characters must be printable ASCII other than SP, parentheses, <c>{</c> and <c>"</c>.
    /// </summary>
    public ImapCommandBuilder Atom(string atom, bool sensitive = false)
    {
        CheckAtom(atom, nameof(atom));
        Separate();
        WriteAscii(atom);
        if (sensitive) Secret(atom);
        _textIsSensitive |= sensitive;
        _display.Append(sensitive ? "***" : atom);
        return this;
    }

    /// <summary>
    /// Appends protocol syntax the other methods cannot express as one argument, such as a fetch attribute
    /// with a section (<c>BODY.PEEK[HEADER.FIELDS (SUBJECT)]&lt;0.100&gt;</c>) or a search key with
    /// parentheses. Only printable ASCII is accepted, and the caller is responsible for its grammar: never pass
    /// user data here, use <see cref="String"/> for that.
    /// </summary>
    public ImapCommandBuilder Raw(string syntax)
    {
        if (syntax.Length == 0 || syntax.AsSpan().ContainsAnyExceptInRange('\x20', '\x7E'))
            throw new ArgumentException("Raw IMAP syntax must be non-empty printable ASCII.", nameof(syntax));
        Separate();
        WriteAscii(syntax);
        _display.Append(syntax);
        return this;
    }

    /// <summary>Opens a parenthesized list (RFC 3501 section 4.4); the next argument follows without a space.</summary>
    public ImapCommandBuilder BeginList()
    {
        Separate();
        WriteAscii("(");
        _display.Append('(');
        _atListStart = true;
        return this;
    }

    /// <summary>Closes the list opened by <see cref="BeginList"/>.</summary>
    public ImapCommandBuilder EndList()
    {
        WriteAscii(")");
        _display.Append(')');
        _atListStart = false;
        return this;
    }

    /// <summary>Appends a number.</summary>
    public ImapCommandBuilder Number(ulong value) => Atom(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Appends a string (<c>astring</c>, <c>string</c>), quoted when possible, otherwise as a literal; its text is
    /// sent as UTF-8. Mark passwords and other secrets <paramref name="sensitive"/>.
    /// </summary>
    public ImapCommandBuilder String(string value, bool sensitive = false)
    {
        var octets = Encoding.UTF8.GetBytes(value);
        if (octets.AsSpan().Contains((byte)0))
            throw new ArgumentException("IMAP strings cannot contain NUL.", nameof(value));
        if (sensitive) Secret(value);
        if (CanQuote(octets)) AppendQuoted(octets, sensitive);
        else AppendLiteral(octets, sensitive);
        return this;
    }

    /// <summary>Appends octets as a literal (RFC 3501 section 4.3), e.g. a message for APPEND.</summary>
    public ImapCommandBuilder Literal(ReadOnlySpan<byte> octets, bool sensitive = false)
    {
        if (octets.Contains((byte)0))
            throw new ArgumentException("IMAP literals cannot contain NUL; literal8 (RFC 3516) is needed.", nameof(octets));
        AppendLiteral(octets.ToArray(), sensitive);
        return this;
    }

    /// <summary>
    /// Appends a literal whose <paramref name="length"/> octets are copied from <paramref name="source"/> when the
    /// command is sent, so that a large message (APPEND) never has to be held in memory. The stream is read
    /// from its current position and must yield at least <paramref name="length"/> octets; the caller keeps
    /// ownership. Its content is not checked for NUL, which IMAP literals may not carry (RFC 3501 section 4.3).
    /// </summary>
    public ImapCommandBuilder Literal(Stream source, long length)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var synchronizing = IsSynchronizing(length);
        Separate();
        WriteAscii(string.Create(CultureInfo.InvariantCulture, $"{{{length}{(synchronizing ? "" : "+")}}}\r\n"));
        FlushText();
        _parts.Add(new ImapCommandPart([], synchronizing, IsSensitive: false, source, length));
        _display.Append('{').Append(length).Append('}');
        return this;
    }

    /// <summary>Finishes the command with CRLF.</summary>
    public ImapCommand Build()
    {
        WriteAscii("\r\n");
        FlushText();
        return new ImapCommand(_name, [.. _parts], _display.ToString(), _secrets);
    }

    private static bool CanQuote(ReadOnlySpan<byte> octets) =>
        octets.Length <= MaxQuotedLength && !octets.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E);

    private static void CheckAtom(string atom, string parameter)
    {
        if (atom.Length == 0 || atom.AsSpan().ContainsAnyExceptInRange('\x21', '\x7E') || atom.AsSpan().ContainsAny("(){\""))
            throw new ArgumentException("Not a valid IMAP atom.", parameter);
    }

    private void AppendQuoted(byte[] octets, bool sensitive)
    {
        _textIsSensitive |= sensitive;
        Separate();
        WriteAscii("\"");
        foreach (var octet in octets)
        {
            if (octet is (byte)'"' or (byte)'\\') _text.Write("\\"u8);
            _text.Write([octet]);
        }

        WriteAscii("\"");
        _display.Append(sensitive ? "***" : $"\"{Encoding.UTF8.GetString(octets)}\"");
    }

    private void AppendLiteral(byte[] octets, bool sensitive)
    {
        var synchronizing = IsSynchronizing(octets.Length);
        Separate();
        WriteAscii(string.Create(CultureInfo.InvariantCulture, $"{{{octets.Length}{(synchronizing ? "" : "+")}}}\r\n"));
        FlushText();
        _parts.Add(new ImapCommandPart(octets, synchronizing, sensitive));
        _display.Append(sensitive ? "***" : $"{{{octets.Length}}}");
    }

    private bool IsSynchronizing(long length) => _literalMode switch
    {
        ImapLiteralMode.NonSynchronizing => false,
        ImapLiteralMode.NonSynchronizingUpTo4096 => length > LiteralMinusLimit,
        _ => true,
    };

    /// <summary>Writes the space between arguments, except right after a list's opening parenthesis.</summary>
    private void Separate()
    {
        if (_atListStart)
        {
            _atListStart = false;
            return;
        }

        WriteAscii(" ");
        _display.Append(' ');
    }

    private void Secret(string value) => (_secrets ??= []).Add(value);

    private void WriteAscii(string text) => Encoding.ASCII.GetBytes(text, _text);

    private void FlushText()
    {
        _parts.Add(new ImapCommandPart(_text.WrittenSpan.ToArray(), WaitForContinuation: false, _textIsSensitive));
        _text.Clear();
        _textIsSensitive = false;
    }
}
