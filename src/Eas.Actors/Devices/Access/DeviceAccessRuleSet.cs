using System.Collections.Immutable;

namespace Eas.Actors.Devices.Access;

/// <summary>
/// The device access rules at each level, kept in the directory's state (<see cref="Accounts.DirectoryState.AccessRules"/>):
/// the account's rules are checked first, then its domain's, then the service's; the first rule that matches decides,
/// and <see cref="DefaultLevel"/> decides when none does. Domain and account keys are lower-cased and compared ordinally.
/// </summary>
public sealed record DeviceAccessRuleSet
{
    public ImmutableList<DeviceAccessRule> Service { get; init; } = [];

    public ImmutableSortedDictionary<string, ImmutableList<DeviceAccessRule>> Domains
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, ImmutableList<DeviceAccessRule>>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, ImmutableList<DeviceAccessRule>> Accounts
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, ImmutableList<DeviceAccessRule>>(StringComparer.Ordinal);

    /// <summary>The access of a device no rule matches (Exchange's DefaultAccessLevel).</summary>
    public DeviceAccessLevel DefaultLevel { get; init; } = DeviceAccessLevel.Allow;

    public static readonly DeviceAccessRuleSet Empty = new();
}
