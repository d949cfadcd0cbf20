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
        WriteAscii(" ");
        WriteAscii(atom);
        if (sensitive) Secret(atom);
        _textIsSensitive |= sensitive;
        _display.Append(' ').Append(sensitive ? "***" : atom);
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
        WriteAscii(" \"");
        foreach (var octet in octets)
        {
            if (octet is (byte)'"' or (byte)'\\') _text.Write("\\"u8);
            _text.Write([octet]);
        }

        WriteAscii("\"");
        _display.Append(' ').Append(sensitive ? "***" : $"\"{Encoding.UTF8.GetString(octets)}\"");
    }

    private void AppendLiteral(byte[] octets, bool sensitive)
    {
        var synchronizing = _literalMode switch
        {
            ImapLiteralMode.NonSynchronizing => false,
            ImapLiteralMode.NonSynchronizingUpTo4096 => octets.Length > LiteralMinusLimit,
            _ => true,
        };
        WriteAscii(string.Create(CultureInfo.InvariantCulture, $" {{{octets.Length}{(synchronizing ? "" : "+")}}}\r\n"));
        FlushText();
        _parts.Add(new ImapCommandPart(octets, synchronizing, sensitive));
        _display.Append(' ').Append(sensitive ? "***" : $"{{{octets.Length}}}");
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
