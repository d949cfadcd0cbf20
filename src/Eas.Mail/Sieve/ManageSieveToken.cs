using System.Collections.Immutable;

namespace Eas.Mail.Sieve;

/// <summary>What one item of a ManageSieve response line is (RFC 5804 section 4, "Formal Syntax").</summary>
internal enum ManageSieveTokenKind
{
    /// <summary>A bare word: OK, NO, BYE, ACTIVE, a capability's response code atom.</summary>
    Atom,

    /// <summary>A quoted string or a literal (<c>{n}</c> CRLF and n octets), decoded as UTF-8.</summary>
    String,

    /// <summary>A parenthesized response code: its atom and argument are <see cref="ManageSieveToken.Children"/>.</summary>
    Code,
}

/// <summary>One item of a response line; a <see cref="ManageSieveTokenKind.Code"/> holds its own items.</summary>
internal sealed record ManageSieveToken(ManageSieveTokenKind Kind, string Text)
{
    public ImmutableArray<ManageSieveToken> Children { get; init; } = [];

    public bool IsAtom(string word) => Kind == ManageSieveTokenKind.Atom && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
}
