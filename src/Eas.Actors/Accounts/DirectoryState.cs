using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Accounts;

/// <summary>
/// The levels above the accounts: the service-wide ActiveSync switch, the service's account defaults, each
/// domain's account defaults and the account classes. Domain and class names are lower-cased and compared
/// ordinally, also after being read back from a snapshot (manifest <see cref="DirectoryManifests.State"/>), whose
/// dictionaries System.Text.Json would otherwise rebuild with the culture-sensitive default comparer.
/// </summary>
public sealed record DirectoryState : IPersistedMessage
{
    /// <summary>The service-wide switch: off stops ActiveSync for every account, whatever they set.</summary>
    public bool ServiceEnabled { get; init; } = true;

    /// <summary>Account defaults for domains that set nothing.</summary>
    public FeatureSettings ServiceDefaults { get; init; } = FeatureSettings.Inherit;

    public ImmutableSortedDictionary<string, FeatureSettings> Domains
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, FeatureSettings>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, FeatureSettings> Classes
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, FeatureSettings>(StringComparer.Ordinal);

    /// <summary>The device access rules of every level and the default access level (<see cref="Devices.Access.DeviceAccessResolver"/>).</summary>
    public Devices.Access.DeviceAccessRuleSet AccessRules { get; init; } = Devices.Access.DeviceAccessRuleSet.Empty;

    /// <summary>Provisioning policy settings set per level above the configured policy (<see cref="Devices.Access.PolicyResolver"/>).</summary>
    public Devices.Access.PolicyOverrides Policies { get; init; } = Devices.Access.PolicyOverrides.Empty;

    public static readonly DirectoryState Default = new();
}
