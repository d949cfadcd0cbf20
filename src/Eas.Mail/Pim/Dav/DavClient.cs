using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Eas.Mail.Pim.Dav;

/// <summary>An answer: its status, its ETag header (RFC 9110 8.8.3) and its body, read within a size cap.</summary>
internal sealed record DavReply(HttpStatusCode Status, string? ETag, byte[] Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>True when the body is a WebDAV error naming <paramref name="precondition"/> (RFC 4918 16).</summary>
    public bool HasPrecondition(System.Xml.Linq.XName precondition) =>
        DavMultiStatus.Load(Body) is { } root && root.Name == DavNames.Error && root.Element(precondition) is not null;
}

/// <summary>A response body larger than the cap the request allowed; it was not read.</summary>
internal sealed class DavResponseTooLargeException(Uri uri, long cap)
    : Exception($"The DAV server's answer to {uri} exceeds {cap} bytes.");

/// <summary>
/// Sends WebDAV requests for one account over the caller's shared <see cref="HttpClient"/>: Basic credentials on
/// every request (RFC 7617, UTF-8), a per-request timeout, bodies read up to a cap. Whatever means the server
/// cannot serve now — no connection, a timeout, a 5xx, a 401 for credentials that signed in — is a
/// <see cref="PimStoreUnavailableException"/>; every other status is the caller's to judge.
/// </summary>
internal sealed class DavClient(HttpClient http, string user, string password, TimeSpan timeout)
{
    private const int Attempts = 3;

    private readonly AuthenticationHeaderValue _credentials =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>
    /// Sends a request. A connection the server closed before answering at all (an idle pooled one it had dropped) is
    /// retried on a fresh connection, up to <see cref="Attempts"/> times: every method this adapter uses is idempotent
    /// (RFC 9110 9.2.2, RFC 4918 9), and a server that sent no byte of a response has not acted on the request
    /// (RFC 9112 9.3.1.1).
    /// </summary>
    public async Task<DavReply> SendAsync(
        HttpMethod method, Uri uri, string? body, string? contentType, long maxResponseBytes, CancellationToken cancellationToken,
        params (string Name, string Value)[] headers)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(method, uri, body, contentType, maxResponseBytes, headers, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded)
            {
                if (attempt >= Attempts)
                    throw new PimStoreUnavailableException($"The DAV server closed {Attempts} connections without answering {method} {uri}.", e);
            }
        }
    }

    private async Task<DavReply> SendOnceAsync(
        HttpMethod method, Uri uri, string? body, string? contentType, long maxResponseBytes, (string Name, string Value)[] headers,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _credentials;
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
        {
            request.Content = new StringContent(body, new UTF8Encoding(false));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/xml; charset=utf-8");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                throw new PimStoreUnavailableException($"The DAV server refused the account's credentials for {method} {uri} (401).");
            if (response.StatusCode >= HttpStatusCode.InternalServerError && response.StatusCode != HttpStatusCode.NotImplemented)
                throw new PimStoreUnavailableException($"The DAV server failed {method} {uri}: {(int)response.StatusCode} {response.ReasonPhrase}.");
            var content = await ReadCappedAsync(response.Content, uri, maxResponseBytes, deadline.Token).ConfigureAwait(false);
            return new DavReply(response.StatusCode, response.Headers.ETag?.ToString(), content);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PimStoreUnavailableException($"The DAV server did not answer {method} {uri} in time (request timeout {timeout.TotalSeconds:0.#} s).", e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError != HttpRequestError.ResponseEnded)
        {
            throw new PimStoreUnavailableException($"Cannot reach the DAV server for {method} {uri}: {e.Message}", e);
        }
        catch (IOException e) when (e.InnerException is SocketException or null)
        {
            throw new PimStoreUnavailableException($"The connection to the DAV server broke during {method} {uri}: {e.Message}", e);
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, Uri uri, long cap, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > cap) throw new DavResponseTooLargeException(uri, cap);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap) throw new DavResponseTooLargeException(uri, cap);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
