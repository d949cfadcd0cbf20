namespace Eas.Actors.Cluster;

/// <summary>
/// A message for one of an account's actors, as it travels through the shard region. The account id is the
/// sharding key, so every actor of one account (its gate, its mailbox and its devices) lives in one entity on
/// one node and a push never crosses the network. <paramref name="Child"/> names the actor inside the entity
/// (<see cref="AccountChild"/>).
/// </summary>
/// <param name="AccountId">The lower-cased account id (<c>mike@ox.io</c>).</param>
/// <param name="Child">Which of the account's actors: <see cref="AccountChild.Gate"/>, <see cref="AccountChild.Mailbox"/> or <see cref="AccountChild.Device"/>.</param>
/// <param name="Message">What that actor is told; replies go to the original sender.</param>
public sealed record AccountEnvelope(string AccountId, string Child, object Message);

/// <summary>The names of the actors an account entity parents.</summary>
public static class AccountChild
{
    /// <summary>The account's gate (<see cref="Accounts.AccountActor"/>).</summary>
    public const string Gate = "account";

    /// <summary>The account's mailbox (<see cref="Mailboxes.MailboxActor"/>).</summary>
    public const string Mailbox = "mailbox";

    private const string DevicePrefix = "device/";

    /// <summary>The device <paramref name="deviceId"/> of the account (<see cref="Devices.DeviceActor"/>); DeviceIds compare lower-cased.</summary>
    public static string Device(string deviceId) => DevicePrefix + deviceId.ToLowerInvariant();

    /// <summary>The DeviceId a child name carries, or null when it names no device.</summary>
    public static string? DeviceIdOf(string child) => child.StartsWith(DevicePrefix, StringComparison.Ordinal) ? child[DevicePrefix.Length..] : null;
}
