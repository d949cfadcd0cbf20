using Eas.Load.Measuring;
using Eas.Load.Safety;

namespace Eas.Load.Push;

/// <summary>
/// A server's connection cap as its <c>/metrics</c> shows it at one moment (docs/Telemetry.md, node limits): the cap,
/// the descriptor limit it was derived from, descriptors open, connections admitted and open, connections refused with
/// 503 so far, and the IMAP sessions it holds; whether <c>/healthz</c> answered ok. A figure is null when the page
/// did not have it (or did not answer).
/// </summary>
internal sealed record CapacityFigures(
    bool Healthy, bool MetricsAnswered, double? Cap, double? DescriptorLimit, double? Descriptors, double? Open, double? Refused, double? MailboxSessions, double? WatcherSessions)
{
    /// <summary>Reads <c>/healthz</c> and <c>/metrics</c> of the server at <paramref name="baseUrl"/>, each on a new connection (a pooled one might be admitted from before the cap was reached).</summary>
    public static async Task<CapacityFigures> ReadAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = LoopbackHttp.CreateClient(timeout: timeout);
        var healthy = await HealthyAsync(http, baseUrl, cancellationToken);
        var page = await PrometheusText.ScrapeAsync(http, baseUrl, cancellationToken);
        double? Of(string name, string? label = null, string value = "") => page is null ? null : PrometheusText.Sum(page, name, label, value);
        return new CapacityFigures(
            healthy, page is not null, Of("eas_connections_cap"), Of("eas_process_descriptor_limit"), Of("eas_process_descriptors"), Of("eas_connections_open"),
            Of("eas_connections_refused_total"), Of("eas_imap_sessions", "purpose", "mailbox"), Of("eas_imap_sessions", "purpose", "watcher"));
    }

    private static async Task<bool> HealthyAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl, "/healthz"), cancellationToken);
            return response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync(cancellationToken) == "ok";
        }
        catch (Exception e) when (e is HttpRequestException or LoopbackViolationException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
