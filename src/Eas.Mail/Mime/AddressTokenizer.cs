using System.Text;

namespace Eas.Mail.Mime;

/// <summary>The lexical pieces of an address header (RFC 5322 section 3.2): atoms, quoted-strings, comments, domain literals, specials.</summary>
internal enum AddressTokenKind
{
    Atom,
    Quoted,
    Comment,
    DomainLiteral,
    Special,
}

/// <summary>One token; <paramref name="SpaceBefore"/> records folding white space before it, to rebuild phrases.</summary>
internal readonly record struct AddressToken(AddressTokenKind Kind, string Text, bool SpaceBefore)
{
    public bool IsSpecial(char c) => Kind == AddressTokenKind.Special && Text[0] == c;

    public bool IsWord => Kind is AddressTokenKind.Atom or AddressTokenKind.Quoted;
}

/// <summary>
/// Splits an address header into tokens. Tolerant where RFC 5322 section 4 allows obsolete forms and beyond:
/// "." is kept inside atoms (obs-phrase "John Q. Public"), 8-bit and non-ASCII characters are atom text
/// (RFC 6532), and an unclosed quoted-string, comment or domain literal runs to the end of the field.
/// </summary>
internal static class AddressTokenizer
{
    private const string Specials = "<>@,;:";
    private const int MaxTokens = 100_000;

    public static List<AddressToken> Tokenize(string value)
    {
        var tokens = new List<AddressToken>();
        var position = 0;
        var space = false;
        while (position < value.Length && tokens.Count < MaxTokens)
        {
            var c = value[position];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                position++;
                continue;
            }

            tokens.Add(c switch
            {
                '"' => new AddressToken(AddressTokenKind.Quoted, ReadDelimited(value, ref position, '"', nests: false), space),
                '(' => new AddressToken(AddressTokenKind.Comment, ReadDelimited(value, ref position, ')', nests: true), space),
                '[' => new AddressToken(AddressTokenKind.DomainLiteral, "[" + ReadDelimited(value, ref position, ']', nests: false) + "]", space),
                _ when Specials.Contains(c) => new AddressToken(AddressTokenKind.Special, value[position++].ToString(), space),
                _ => new AddressToken(AddressTokenKind.Atom, ReadAtom(value, ref position), space),
            });
            space = false;
        }

        return tokens;
    }

    /// <summary>Whether <paramref name="c"/> may appear in an atom as this tokenizer reads it.</summary>
    public static bool IsAtomChar(char c) => !char.IsWhiteSpace(c) && !char.IsControl(c) && !"()<>@,;:\\\"[]".Contains(c);

    /// <summary>Reads an atom; a stray character that can start nothing (")", "]", a control) is taken as a one-character atom.</summary>
    private static string ReadAtom(string value, ref int position)
    {
        var start = position;
        while (position < value.Length && (IsAtomChar(value[position]) || value[position] == '\\')) position++;
        if (position == start) position++;
        return value[start..position];
    }

    /// <summary>Reads from an opening delimiter to its close, undoing quoted-pairs; comments may nest (RFC 5322 section 3.2.2).</summary>
    private static string ReadDelimited(string value, ref int position, char close, bool nests)
    {
        var open = value[position++];
        var depth = 1;
        var text = new StringBuilder();
        while (position < value.Length)
        {
            var c = value[position++];
            if (c == '\\' && position < value.Length)
            {
                text.Append(value[position++]);
                continue;
            }

            if (nests && c == open) depth++;
            else if (c == close && --depth == 0) break;
            text.Append(c);
        }

        return text.ToString();
    }
}
