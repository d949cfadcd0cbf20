using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Eas.Actors.Devices;

/// <summary>
/// The security policy phones must accept (MS-ASPROV 2.2.2.27, EASProvisionDoc), as element name and value
/// pairs from configuration, and whether provisioning is enforced at all. The fingerprint identifies the
/// policy's content: when an operator changes the policy, keys acknowledged for the old one stop working
/// and phones re-provision (MS-ASPROV 3.2.5.1: status 144 / HTTP 449).
/// </summary>
public sealed record DevicePolicy(bool Required, bool AllowNonProvisionableDevices, ImmutableSortedDictionary<string, string> Settings)
{
    /// <summary>A short, stable hash of <see cref="Settings"/>.</summary>
    public string Fingerprint { get; } = ComputeFingerprint(Settings);

    private static string ComputeFingerprint(ImmutableSortedDictionary<string, string> settings)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in settings) text.Append(name).Append('=').Append(value).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
