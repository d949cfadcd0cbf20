namespace Eas.Mail.Imap.Protocol;

/// <summary>The lexical tokens of an IMAP response line (RFC 3501 section 9, RFC 9051 section 9).</summary>
internal enum ImapTokenKind
{
    /// <summary>The line has no more tokens.</summary>
    End,

    /// <summary>A run of atom characters: keywords, numbers, flags such as <c>\Seen</c>, sequence sets.</summary>
    Atom,

    /// <summary>The atom <c>NIL</c>, matched case-insensitively.</summary>
    Nil,

    /// <summary>A quoted string; the token's bytes are the content with escapes still in place.</summary>
    QuotedString,

    /// <summary>A literal announcement <c>{n}</c>, <c>{n+}</c> or <c>~{n}</c> (RFC 3516 literal8) ending the line.</summary>
    Literal,

    /// <summary><c>(</c></summary>
    ListOpen,

    /// <summary><c>)</c></summary>
    ListClose,

    /// <summary><c>[</c>, as in <c>BODY[HEADER]</c>.</summary>
    SectionOpen,

    /// <summary><c>]</c></summary>
    SectionClose,
}
