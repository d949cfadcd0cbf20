using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Eas.Load.Measuring;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Load.Eas;

/// <summary>
/// One phone's HTTP side of EAS (MS-ASHTTP): POSTs a WBXML body to
/// <c>/Microsoft-Server-ActiveSync?Cmd=..&amp;User=..&amp;DeviceId=..&amp;DeviceType=..</c> with Basic credentials,
/// MS-ASProtocolVersion and, once provisioned, X-MS-PolicyKey; decodes WBXML answers; records each round
/// trip's latency under its command name. Connection failures and timeouts become transient
/// <see cref="EasCallException"/>s. The endpoint is one URL, or a choice made anew for every request (any node of a
/// cluster serves any phone's request).
/// </summary>
internal sealed class EasClient
{
    public const string WbxmlMediaType = "application/vnd.ms-sync.wbxml";

    private readonly HttpClient _http;
    private readonly Func<Uri> _endpoint;
    private readonly EasDevice _device;
    private readonly LatencyRecorder _latencies;
    private readonly AuthenticationHeaderValue _authorization;

    public EasClient(HttpClient http, Uri endpoint, EasDevice device, LatencyRecorder latencies)
        : this(http, () => endpoint, device, latencies)
    {
    }

    /// <param name="endpoint">Asked for every request sent, each retry too: the ActiveSync URL it goes to.</param>
    public EasClient(HttpClient http, Func<Uri> endpoint, EasDevice device, LatencyRecorder latencies)
    {
        _http = http;
        _endpoint = endpoint;
        _device = device;
        _latencies = latencies;
        RequestTimeout = http.Timeout;
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{device.User}:{device.Password}")));
    }

    public EasDevice Device => _device;

    /// <summary>How long a command sent without its own timeout may take; the HTTP client's timeout unless set lower.</summary>
    public TimeSpan RequestTimeout { get; init; }

    /// <summary>Sent as X-MS-PolicyKey when set (MS-ASPROV 3.1.5.1).</summary>
    public uint? PolicyKey { get; set; }

    /// <summary>The ActiveSync URL for a server given by its root (<c>http://host:port</c>) or by the full path.</summary>
    public static Uri EndpointFor(Uri url) =>
        url.AbsolutePath.Contains("Microsoft-Server-ActiveSync", StringComparison.OrdinalIgnoreCase)
            ? new UriBuilder(url) { Query = "" }.Uri
            : new Uri(url, "/Microsoft-Server-ActiveSync");

    /// <summary>Sends one command that may take up to <see cref="RequestTimeout"/>.</summary>
    public Task<EasReply> PostAsync(string command, WbxmlElement body, CancellationToken cancellationToken) =>
        PostAsync(command, body, RequestTimeout, cancellationToken);

    /// <summary>
    /// Sends one command that may take up to <paramref name="timeout"/> (at most the HTTP client's own
    /// timeout), e.g. a Ping that the server holds for its heartbeat.
    /// </summary>
    public async Task<EasReply> PostAsync(string command, WbxmlElement body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var query = $"?Cmd={command}&User={Uri.EscapeDataString(_device.User)}&DeviceId={Uri.EscapeDataString(_device.DeviceId)}&DeviceType={Uri.EscapeDataString(_device.DeviceType)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint() + query));
        request.Headers.Authorization = _authorization;
        request.Headers.Add(EasHeaderNames.ProtocolVersion, _device.Version);
        request.Headers.TryAddWithoutValidation(EasHeaderNames.UserAgent, "eas-load/1.0");
        if (PolicyKey is { } key) request.Headers.Add(EasHeaderNames.PolicyKey, key.ToString(CultureInfo.InvariantCulture));
        request.Content = new ByteArrayContent(WbxmlWriter.Encode(body));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(WbxmlMediaType);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan) limit.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(limit.Token);
            clock.Stop();
            _latencies.Record(command, clock.Elapsed);
            var isWbxml = bytes.Length > 0 && response.Content.Headers.ContentType?.MediaType == WbxmlMediaType;
            var throttle = response.Headers.TryGetValues("X-MS-ASThrottle", out var values) ? string.Join(",", values) : null;
            return new EasReply(response.StatusCode, isWbxml ? Decode(command, bytes) : null, bytes.Length, clock.Elapsed, throttle, EasReply.IsOverCap(response));
        }
        catch (HttpRequestException e)
        {
            throw new EasCallException($"{command}: {e.Message}", transient: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var waited = timeout < _http.Timeout ? timeout : _http.Timeout;
            throw new EasCallException($"{command}: no answer within {waited.TotalSeconds:0} s", transient: true);
        }
    }

    private static WbxmlElement Decode(string command, byte[] bytes)
    {
        try
        {
            return WbxmlDocument.Parse(bytes);
        }
        catch (WbxmlException e)
        {
            throw new EasCallException($"{command}: the answer is not valid WBXML ({e.Message})");
        }
    }
}
