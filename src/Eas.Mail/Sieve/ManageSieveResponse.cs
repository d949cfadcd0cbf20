using System.Collections.Immutable;

namespace Eas.Mail.Sieve;

/// <summary>How a ManageSieve command ended (RFC 5804 section 1.3).</summary>
internal enum ManageSieveResult
{
    /// <summary>The command succeeded.</summary>
    Ok,

    /// <summary>The command failed; the connection stays usable.</summary>
    No,

    /// <summary>The server is closing the connection.</summary>
    Bye,
}

/// <summary>
/// A whole response: the data lines before it (capabilities, LISTSCRIPTS entries, a GETSCRIPT literal) and the
/// final OK/NO/BYE with its optional response code (<c>(NONEXISTENT)</c>, <c>(SASL "...")</c>) and message.
/// </summary>
internal sealed record ManageSieveResponse(ManageSieveResult Result, ImmutableArray<ImmutableArray<ManageSieveToken>> Data)
{
    /// <summary>The response code's atom, upper-cased (<c>NONEXISTENT</c>, <c>TRYLATER</c>, <c>QUOTA/MAXSIZE</c>); null when none.</summary>
    public string? Code { get; init; }

    /// <summary>The response code's argument, if any (the SASL data of <c>(SASL "...")</c>).</summary>
    public string? CodeArgument { get; init; }

    /// <summary>The human-readable text after the code; null when none.</summary>
    public string? Message { get; init; }
}
