using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Eas.Host.Endpoints;

/// <summary>
/// Whether a response body goes out gzip-compressed (MS-ASHTTP 2.2.2.1.2: <c>Content-Encoding: gzip</c> is
/// required exactly when the body is compressed): the phone sent <c>Accept-Encoding</c> naming gzip (or <c>*</c>)
/// with a non-zero weight, compression is on, and the body is at least <see cref="MinBytes"/> long, below which
/// gzip's header and trailer cost more than they save. Empty bodies are never compressed, and Ping answers never
/// are (the endpoint passes <see cref="None"/>): a parked Ping's answer is a few bytes, sent to every phone every heartbeat.
/// </summary>
/// <param name="Gzip">The phone accepts gzip and the server may use it.</param>
/// <param name="MinBytes">The smallest body worth compressing.</param>
internal readonly record struct BodyCompression(bool Gzip, int MinBytes)
{
    public const string GzipCoding = "gzip";

    /// <summary>Never compress.</summary>
    public static BodyCompression None => default;

    /// <summary>Whether a body of <paramref name="length"/> bytes is compressed.</summary>
    public bool Applies(long length) => Gzip && length > 0 && length >= MinBytes;

    /// <summary>The policy for one request under the configured <paramref name="minBytes"/> (0 or less: off).</summary>
    public static BodyCompression For(HttpRequest request, int minBytes) =>
        new(minBytes > 0 && AcceptsGzip(request.Headers.AcceptEncoding), minBytes);

    /// <summary>RFC 9110 12.5.3: a coding is acceptable when it, or <c>*</c>, is listed with a weight above 0.</summary>
    public static bool AcceptsGzip(StringValues acceptEncoding)
    {
        foreach (var header in acceptEncoding)
        {
            if (header is null) continue;
            foreach (var entry in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = entry.Split(';', StringSplitOptions.TrimEntries);
                if (!parts[0].Equals(GzipCoding, StringComparison.OrdinalIgnoreCase) && parts[0] != "*") continue;
                if (Weight(parts) > 0) return true;
            }
        }

        return false;
    }

    private static double Weight(string[] parameters)
    {
        foreach (var parameter in parameters.Skip(1))
        {
            if (!parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)) continue;
            return double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : 0;
        }

        return 1;
    }
}
