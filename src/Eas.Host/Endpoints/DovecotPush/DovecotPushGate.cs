using System.Net;
using System.Security.Cryptography;
using System.Text;
using Eas.Host.Options;

namespace Eas.Host.Endpoints.DovecotPush;

/// <summary>
/// Who may post to <see cref="DovecotPushEndpoint"/>: a peer address inside one of the allowed networks (loopback when
/// none is configured) that presents the shared secret. The secret is compared in constant time over SHA-256 digests,
/// so neither its content nor its length leaks through timing.
/// </summary>
internal sealed class DovecotPushGate
{
    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    private readonly IPNetwork[] _sources;
    private readonly byte[]? _secretDigest;

    private DovecotPushGate(IPNetwork[] sources, byte[]? secretDigest)
    {
        _sources = sources;
        _secretDigest = secretDigest;
    }

    /// <summary>False when no secret is configured: the endpoint is off.</summary>
    public bool IsOn => _secretDigest is not null;

    /// <summary>The gate of <paramref name="options"/>; a network that is not CIDR stops the start, naming it.</summary>
    public static DovecotPushGate From(PushWebhookOptions options)
    {
        var sources = new List<IPNetwork>();
        foreach (var text in options.AllowedSources.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (!IPNetwork.TryParse(text.Trim(), out var network))
                throw new InvalidOperationException($"Eas:Push:Webhook:AllowedSources holds '{text}', which is not a network in CIDR notation (10.0.0.0/8, fd00::/8).");
            sources.Add(network);
        }

        var digest = string.IsNullOrEmpty(options.Secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.Secret));
        return new DovecotPushGate(sources.Count == 0 ? Loopback : [.. sources], digest);
    }

    /// <summary>Whether a post from <paramref name="peer"/> is taken; an IPv4 address mapped into IPv6 counts as IPv4.</summary>
    public bool AllowsSource(IPAddress? peer)
    {
        if (peer is null) return false;
        if (peer.IsIPv4MappedToIPv6) peer = peer.MapToIPv4();
        return _sources.Any(network => network.Contains(peer));
    }

    /// <summary>Whether <paramref name="presented"/> is the shared secret.</summary>
    public bool HasSecret(string? presented) =>
        _secretDigest is not null && presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _secretDigest);
}
