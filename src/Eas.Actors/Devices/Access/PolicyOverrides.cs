using System.Collections.Immutable;

namespace Eas.Actors.Devices.Access;

/// <summary>
/// Provisioning policy settings (EASProvisionDoc element names and values, MS-ASPROV 2.2.2.27) set above the
/// configured policy, kept in the directory's state: for the service, per domain, per account class and per account.
/// Keys are lower-cased and compared ordinally.
/// </summary>
public sealed record PolicyOverrides
{
    public ImmutableSortedDictionary<string, string> Service
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> Domains
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> Classes
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> Accounts
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);

    public static readonly PolicyOverrides Empty = new();
}

/// <summary>Where one effective policy setting came from.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PolicySource>))]
public enum PolicySource
{
    /// <summary>The configured policy (<c>Eas:Policy</c>).</summary>
    Configuration,
    Service,
    Domain,
    Class,
    Account,
}

/// <summary>One effective policy setting and its level.</summary>
public sealed record EffectivePolicySetting(string Value, PolicySource Source);

/// <summary>The policy in force for one account: the phone's document, and each setting with where it came from.</summary>
public sealed record EffectivePolicy(DevicePolicy Policy, ImmutableSortedDictionary<string, EffectivePolicySetting> Settings);

/// <summary>
/// The one place the policy an account's devices must accept is computed, pure. Each setting is taken from the
/// nearest level that sets it: the account, its class, its domain, the service's overrides, the configuration. The
/// result's fingerprint differs from the configured one exactly when a setting differs, so a change at any level makes
/// the devices it reaches re-provision (their acknowledged key no longer matches: MS-ASPROV 3.1.5.1, Status 144 from
/// 14.0, HTTP 449 below).
/// </summary>
public static class PolicyResolver
{
    public static EffectivePolicy Resolve(DevicePolicy configured, PolicyOverrides overrides, string accountId, string? accountClass)
    {
        var account = accountId.ToLowerInvariant();
        var settings = ImmutableSortedDictionary.CreateBuilder<string, EffectivePolicySetting>(StringComparer.Ordinal);
        foreach (var (name, value) in configured.Settings) settings[name] = new(value, PolicySource.Configuration);
        Layer(settings, overrides.Service, PolicySource.Service);
        Layer(settings, overrides.Domains.GetValueOrDefault(Accounts.FeatureResolver.DomainOf(account)), PolicySource.Domain);
        if (accountClass is { } className) Layer(settings, overrides.Classes.GetValueOrDefault(className.ToLowerInvariant()), PolicySource.Class);
        Layer(settings, overrides.Accounts.GetValueOrDefault(account), PolicySource.Account);
        var effective = settings.ToImmutable();
        var policy = effective.Values.All(s => s.Source == PolicySource.Configuration)
            ? configured
            : new DevicePolicy(configured.Required, configured.AllowNonProvisionableDevices,
                effective.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal));
        return new EffectivePolicy(policy, effective);
    }

    /// <summary>Why a level's settings cannot be stored, or null: a name that is not a simple EASProvisionDoc setting, or a blank value.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (name, value) in settings)
        {
            if (!PolicyDocuments.IsKnownSetting(name)) return $"'{name}' is not an EASProvisionDoc setting (MS-ASPROV 2.2.2.27)";
            if (value is null || value.Length > 1024) return $"'{name}' needs a value of at most 1024 characters";
        }

        return null;
    }

    private static void Layer(ImmutableSortedDictionary<string, EffectivePolicySetting>.Builder into, ImmutableSortedDictionary<string, string>? level, PolicySource source)
    {
        if (level is null) return;
        foreach (var (name, value) in level) into[name] = new(value, source);
    }
}
