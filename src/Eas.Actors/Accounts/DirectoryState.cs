using System.Collections.Immutable;

namespace Eas.Actors.Accounts;

/// <summary>
/// The levels above the accounts: the service-wide ActiveSync switch, the service's account defaults, each
/// domain's account defaults and the account classes. Domain and class names are lower-cased.
/// </summary>
public sealed record DirectoryState
{
    /// <summary>The service-wide switch: off stops ActiveSync for every account, whatever they set.</summary>
    public bool ServiceEnabled { get; init; } = true;

    /// <summary>Account defaults for domains that set nothing.</summary>
    public FeatureSettings ServiceDefaults { get; init; } = FeatureSettings.Inherit;

    public ImmutableSortedDictionary<string, FeatureSettings> Domains { get; init; } =
        ImmutableSortedDictionary.Create<string, FeatureSettings>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, FeatureSettings> Classes { get; init; } =
        ImmutableSortedDictionary.Create<string, FeatureSettings>(StringComparer.Ordinal);

    public static readonly DirectoryState Default = new();
}
