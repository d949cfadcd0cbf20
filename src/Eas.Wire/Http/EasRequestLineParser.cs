namespace Eas.Wire.Http;

/// <summary>
/// Reads an ActiveSync request line: the query value of <c>POST /Microsoft-Server-ActiveSync?…</c> in
/// either form (MS-ASHTTP 2.2.1.1.1) together with the request headers that carry the protocol version,
/// policy key, multipart choice and user agent (MS-ASHTTP 2.2.1.1.2). Authorization is not read here.
/// </summary>
/// <remarks>
/// The input is untrusted. Whatever the query and header values, the parser either returns a valid
/// <see cref="EasRequestLine"/> or throws <see cref="EasRequestException"/>; the host answers that with
/// 400 and logs its <see cref="EasRequestException.Reason"/>. Queries longer than
/// <see cref="MaxQueryLength"/> are refused before any work.
/// </remarks>
public static class EasRequestLineParser
{
    /// <summary>The longest query value accepted, in characters; real clients send a few hundred at most.</summary>
    public const int MaxQueryLength = 4096;

    /// <summary>Parses a request line, reading headers through <paramref name="getHeader"/>.</summary>
    /// <param name="rawQuery">
    /// The query as received, still percent-encoded, with or without its leading <c>?</c>
    /// (ASP.NET's <c>Request.QueryString.Value</c> fits).
    /// </param>
    /// <param name="getHeader">
    /// Returns a header's value by name (case-insensitive, as HTTP header names are), or null when the
    /// header is absent. Repeated headers may be joined with commas; such a value is then refused.
    /// </param>
    /// <exception cref="EasRequestException">The request line is malformed; see its reason and field.</exception>
    public static EasRequestLine Parse(string? rawQuery, Func<string, string?> getHeader)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        var query = rawQuery.AsSpan();
        if (query.StartsWith('?')) query = query[1..];
        if (query.Length > MaxQueryLength)
            throw RequestValues.Error(EasRequestErrorReason.QueryTooLong, "query",
                $"The query is {query.Length} characters long; at most {MaxQueryLength} are accepted.");
        if (query.IsEmpty)
            throw RequestValues.Error(EasRequestErrorReason.MissingQuery, "query",
                "The request has no query value; ActiveSync commands need Cmd, DeviceId and DeviceType.");

        return IsBase64Form(query)
            ? Base64QueryParser.Parse(query, getHeader)
            : PlainQueryParser.Parse(query, getHeader);
    }

    /// <summary>Parses a request line, reading headers from a dictionary that should ignore key case.</summary>
    /// <exception cref="EasRequestException">The request line is malformed; see its reason and field.</exception>
    public static EasRequestLine Parse(string? rawQuery, IReadOnlyDictionary<string, string?> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Parse(rawQuery, name => headers.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>
    /// Tells the forms apart. The base64 form is one token with no <c>&amp;</c> and no <c>=</c> except trailing
    /// padding; a query with <c>&amp;</c>, with <c>=</c> inside, or starting with a plain parameter name
    /// (<c>Cmd=</c>) is the plain form.
    /// </summary>
    internal static bool IsBase64Form(ReadOnlySpan<char> query)
    {
        if (query.Contains('&')) return false;
        var eq = query.IndexOf('=');
        if (eq < 0) return true;
        return !PlainQueryParser.IsKnownName(query[..eq]) && query[eq..].IndexOfAnyExcept('=') < 0;
    }
}
