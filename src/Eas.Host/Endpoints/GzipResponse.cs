using System.IO.Compression;

namespace Eas.Host.Endpoints;

/// <summary>
/// Our own small gzip writer for response bodies (MS-ASHTTP 2.2.2.1.2, Content-Encoding: gzip). ASP.NET Core's
/// response compression middleware is not used: it would compress by content type alone, also the empty answer
/// of a parked Ping and multipart attachment bodies, while here the writer that knows the body decides.
/// </summary>
internal static class GzipResponse
{
    /// <summary>Marks the response as gzip-compressed; caches must keep it apart from the plain one.</summary>
    public static void Declare(HttpResponse response)
    {
        response.Headers.ContentEncoding = BodyCompression.GzipCoding;
        response.Headers.Vary = "Accept-Encoding";
    }

    /// <summary>A compressor over <paramref name="destination"/> that leaves it open; disposing it writes the gzip trailer.</summary>
    public static GZipStream Compressor(Stream destination) => new(destination, CompressionLevel.Fastest, leaveOpen: true);

    /// <summary>A whole, already-buffered body of <paramref name="length"/> bytes given in chunks, compressed (so it still gets a Content-Length).</summary>
    public static byte[] Compress(IEnumerable<ReadOnlyMemory<byte>> chunks, int length)
    {
        using var output = new MemoryStream(length / 2 + 64);
        using (var gzip = Compressor(output))
        {
            foreach (var chunk in chunks) gzip.Write(chunk.Span);
        }

        return output.ToArray();
    }
}
