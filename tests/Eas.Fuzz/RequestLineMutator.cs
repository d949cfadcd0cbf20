using System.Text;

namespace Eas.Fuzz;

/// <summary>
/// Makes mutated request lines from <see cref="RequestLineSeeds"/>. A base64 seed is mutated half the
/// time in its decoded bytes (field lengths, command codes, parameter tags) and encoded again in one of
/// the spellings clients use; otherwise the query text itself is mutated. Header values are changed now
/// and then, since the parser reads the protocol version, policy key and multipart flag from them.
/// </summary>
internal sealed class RequestLineMutator
{
    private static readonly string?[] HeaderValues =
        [null, "", " ", "14.1", "16.1", "2.5", "12.0", "14.1,16.1", "99.9", "14.1 ", "0", "4294967295", "4294967296", "-1", "+5", "0x10", "T", "F", "t", "x", "TT", "\0", "１２", "\u0661"];

    private static readonly string[] HeaderNames = ["MS-ASProtocolVersion", "X-MS-PolicyKey", "MS-ASAcceptMultiPart", "User-Agent"];

    private readonly Random _random;
    private readonly IReadOnlyList<RequestLineSeed> _seeds;
    private readonly Mutator _text;
    private readonly Mutator _token;

    public RequestLineMutator(Random random, IReadOnlyList<RequestLineSeed> seeds)
    {
        _random = random;
        _seeds = seeds;
        _text = new Mutator(random, [.. seeds.Select(s => Encoding.UTF8.GetBytes(s.Query))], Dictionaries.Query, maxLength: 6000);
        _token = new Mutator(random, [.. seeds.Where(s => s.Token is not null).Select(s => s.Token!)], Dictionaries.Token, maxLength: 4000);
    }

    public (string Query, IReadOnlyDictionary<string, string?> Headers) Next()
    {
        var seed = _seeds[_random.Next(_seeds.Count)];
        var query = seed.Token is { } token && _random.Next(2) == 0
            ? Base64Text.Encode(_token.Mutate(token), (Base64Style)_random.Next(4))
            : MutateText(seed.Query);
        return (query, _random.Next(5) == 0 ? MutateHeaders(seed.Headers) : seed.Headers);
    }

    private string MutateText(string query)
    {
        var bytes = _text.Mutate(Encoding.UTF8.GetBytes(query));
        var text = _random.Next(3) == 0 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        if (_random.Next(8) == 0)
            text = text.Insert(_random.Next(text.Length + 1), Dictionaries.QueryCharacters[_random.Next(Dictionaries.QueryCharacters.Count)]);
        return text;
    }

    private Dictionary<string, string?> MutateHeaders(IReadOnlyDictionary<string, string?> headers)
    {
        var changed = new Dictionary<string, string?>(headers, StringComparer.OrdinalIgnoreCase);
        var name = HeaderNames[_random.Next(HeaderNames.Length)];
        var value = HeaderValues[_random.Next(HeaderValues.Length)];
        if (value is null) changed.Remove(name);
        else changed[name] = value;
        return changed;
    }
}
