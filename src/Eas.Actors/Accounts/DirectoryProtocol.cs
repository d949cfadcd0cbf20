using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eas.Actors.Accounts;

/// <summary>Reads the directory; answered with the <see cref="DirectoryState"/>.</summary>
public sealed record GetDirectory
{
    public static readonly GetDirectory Instance = new();
}

/// <summary>An admin's change to the levels above the accounts; answered with the new directory once it is in the journal.</summary>
public sealed record ChangeDirectory(DirectoryChange Change, string By);

/// <summary>
/// An admin's action that changes no actor's state but belongs in the audit log (for example the request trace
/// switch, <c>diagnostics.trace</c>); answered with the <see cref="AdminActionRecorded"/> once it is in the journal.
/// </summary>
/// <param name="Change">The audit log's name of the change.</param>
/// <param name="Details">What was changed, as shown in the audit log.</param>
/// <param name="By">The admin's name.</param>
public sealed record RecordAdminAction(string Change, JsonElement Details, string By);

/// <summary>
/// One change to the directory. It is stored inside <see cref="DirectoryChanged"/>, so each kind carries an
/// explicit JSON discriminator: stored rows never depend on a CLR type name.
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(SetServiceEnabled), "service-enabled")]
[JsonDerivedType(typeof(SetServiceDefaults), "service-defaults")]
[JsonDerivedType(typeof(SetDomainDefaults), "domain-defaults")]
[JsonDerivedType(typeof(SetAccountClass), "account-class")]
[JsonDerivedType(typeof(SetDeviceAccessRules), "device-access-rules")]
[JsonDerivedType(typeof(SetDefaultAccessLevel), "default-access-level")]
[JsonDerivedType(typeof(SetPolicySettings), "policy-settings")]
public abstract record DirectoryChange;

/// <summary>Switches ActiveSync on or off for the whole service.</summary>
public sealed record SetServiceEnabled(bool Enabled) : DirectoryChange;

/// <summary>Replaces the service's account defaults.</summary>
public sealed record SetServiceDefaults(FeatureSettings Defaults) : DirectoryChange;

/// <summary>Replaces a domain's account defaults; null removes the domain (its accounts then use the service's).</summary>
public sealed record SetDomainDefaults(string Domain, FeatureSettings? Defaults) : DirectoryChange;

/// <summary>Creates or replaces an account class; null removes it (its accounts then inherit from their domain).</summary>
public sealed record SetAccountClass(string Name, FeatureSettings? Settings) : DirectoryChange;

/// <summary>The level a directory setting is made at.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DirectoryLevel>))]
public enum DirectoryLevel
{
    Service,
    Domain,
    Class,
    Account,
}

/// <summary>
/// Replaces the device access rules of the service, a domain or an account (<paramref name="Name"/>: the domain or the
/// account id; ignored for the service); null or an empty list removes them. Classes have no rules.
/// </summary>
public sealed record SetDeviceAccessRules(DirectoryLevel Level, string? Name, System.Collections.Immutable.ImmutableList<Devices.Access.DeviceAccessRule>? Rules) : DirectoryChange;

/// <summary>Sets the access of devices no rule matches.</summary>
public sealed record SetDefaultAccessLevel(Devices.Access.DeviceAccessLevel Level) : DirectoryChange;

/// <summary>
/// Replaces the provisioning policy settings set at one level (the service, a domain, a class or an account); null or
/// empty removes them, so the level inherits every setting.
/// </summary>
public sealed record SetPolicySettings(DirectoryLevel Level, string? Name, System.Collections.Immutable.ImmutableSortedDictionary<string, string>? Settings) : DirectoryChange;
