using Akka.Actor;
using Eas.Actors.Cluster;

namespace Eas.Actors.Accounts;

/// <summary>
/// The account gates, reached through the account shard region from any node, or, for a device, through its account
/// entity (<see cref="Through"/>); ids compare lower-cased.
/// </summary>
public sealed class AccountRegion(IActorRef accounts, TimeSpan deadline)
{
    /// <summary>Whether a request of the account (from <paramref name="deviceId"/>, if given) may run, and with which data classes.</summary>
    public Task<AccountAccess> AdmitAsync(string accountId, string? deviceId = null, CancellationToken cancellationToken = default) =>
        accounts.Ask<AccountAccess>(Envelope(accountId, deviceId is null ? AdmitAccount.Instance : new AdmitAccount(deviceId)), deadline, cancellationToken);

    public Task<AccountView> GetAsync(string accountId, CancellationToken cancellationToken = default) =>
        accounts.Ask<AccountView>(Envelope(accountId, GetAccount.Instance), deadline, cancellationToken);

    public Task<AccountView> ChangeAsync(string accountId, string? accountClass, FeatureSettings features, string by, CancellationToken cancellationToken = default) =>
        accounts.Ask<AccountView>(Envelope(accountId, new ChangeAccount(accountClass, features, by)), deadline, cancellationToken);

    /// <summary>Writes an admin's removal of a device partnership to the account's journal and audit log.</summary>
    public Task<AccountDeviceRemoved> RemoveDeviceAsync(string accountId, string deviceId, DateTimeOffset lastSeen, string by, CancellationToken cancellationToken = default) =>
        accounts.Ask<AccountDeviceRemoved>(Envelope(accountId, new RemoveAccountDevice(deviceId, lastSeen, by)), deadline, cancellationToken);

    /// <summary>The same requests sent to <paramref name="entity"/>, the account entity that parents the gate (<see cref="Mailboxes.MailboxRegion.Through"/>).</summary>
    public AccountRegion Through(IActorRef entity) => new(entity, deadline);

    private static AccountEnvelope Envelope(string accountId, object message) => new(accountId.ToLowerInvariant(), AccountChild.Gate, message);
}
