namespace Eas.Actors.Accounts;

/// <summary>
/// One account's durable record (entity <c>account</c>, id = the lower-cased account id): what is set on it,
/// whether it holds a license slot (a cache of the license's own list, confirmed with the license once per
/// activation), and when it first used ActiveSync.
/// </summary>
public sealed record AccountState
{
    public required string AccountId { get; init; }

    public AccountSettings Settings { get; init; } = AccountSettings.Default;

    public bool HoldsSlot { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>The account's devices (lower-cased DeviceId) and when each last sent a request, coarsely (<see cref="StaleDevices"/>).</summary>
    public System.Collections.Immutable.ImmutableSortedDictionary<string, DateTimeOffset> Devices { get; init; } =
        System.Collections.Immutable.ImmutableSortedDictionary<string, DateTimeOffset>.Empty;

    public static AccountState New(string accountId) => new() { AccountId = accountId };
}
