using System.Net;
using System.Net.Sockets;

namespace Eas.Host.Cli;

/// <summary>
/// Where the demo listens and what it prints. By default loopback over plain HTTP (<c>http://127.0.0.1:8080</c>, or
/// <c>--urls</c>); with <c>--public</c> every interface over HTTPS (<see cref="PublicUrls"/>) on a
/// <see cref="DemoCertificate"/>, and one printed URL per address of the machine, since a phone cannot reach loopback.
/// </summary>
internal sealed record DemoListen(string Urls, IReadOnlyList<string> ServerArgs, IReadOnlyList<string> PrintedUrls, DemoCertificate? Certificate)
{
    public const string LoopbackUrls = "http://127.0.0.1:8080";

    /// <summary>
    /// Every interface, IPv4 and IPv6, on the HTTPS port phones assume when none is given; and plain HTTP on loopback
    /// port 8080, where <c>eas-server admin</c> and <c>top</c> look by default (they do not trust a self-signed certificate).
    /// </summary>
    public const string PublicUrls = "https://*:443;" + LoopbackUrls;

    public static DemoListen Loopback(string urls) => new(urls, ["--urls", urls], [Base(urls.Split(';')[0])], null);

    /// <summary><paramref name="urls"/> given with <c>--public</c> replaces <see cref="PublicUrls"/> (another port); the certificate applies to every https address.</summary>
    public static DemoListen Public(string? urls, string dataDir, IReadOnlyList<IPAddress> addresses)
    {
        var listen = urls ?? PublicUrls;
        var certificate = DemoCertificate.LoadOrCreate(Path.Combine(dataDir, "tls"), addresses);
        var first = listen.Split(';')[0];
        var endPoint = ListenCheck.EndPointOf(first);
        var scheme = first.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "http" : "https";
        var port = endPoint?.Port ?? 443;
        var everyInterface = endPoint is not null && (endPoint.Address.Equals(IPAddress.Any) || endPoint.Address.Equals(IPAddress.IPv6Any));
        var printed = (everyInterface ? addresses : []).Select(a => a.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString())
            .Select(host => port == (scheme == "https" ? 443 : 80) ? $"{scheme}://{host}" : $"{scheme}://{host}:{port}")
            .ToList();
        if (printed.Count == 0) printed.Add(Base(first));
        return new DemoListen(listen,
        [
            "--urls", listen,
            $"--Kestrel:Certificates:Default:Path={certificate.CertificatePath}",
            $"--Kestrel:Certificates:Default:KeyPath={certificate.KeyPath}",
        ], printed, certificate);
    }

    /// <summary>
    /// Where the demo's Dovecot posts its push events: the first plain-HTTP address, on loopback when it listens on every
    /// interface; null when the demo listens over HTTPS only (Dovecot would not trust the self-signed certificate).
    /// </summary>
    public Uri? PushWebhookUrl()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || ListenCheck.EndPointOf(url) is not { } endPoint) continue;
            var host = endPoint.Address.Equals(IPAddress.Any) || endPoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : endPoint.Address;
            return new Uri($"http://{(host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString())}:{endPoint.Port}/push/dovecot");
        }

        return null;
    }

    private static string Base(string url) => url.TrimEnd('/');
}
