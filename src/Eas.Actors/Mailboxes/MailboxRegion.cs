using Akka.Actor;
using Eas.Actors.Cluster;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// The account mailboxes, reached through the account shard region, or, for a device, through the account entity
/// that parents both (<see cref="Through"/>). A device awaits its mailbox's answer inside its own turn: that keeps a
/// device's commands in order without a hand-written stash, and cannot deadlock because neither the mailbox nor the
/// account entity between them ever waits for a device. The device and its mailbox are children of one account
/// entity, so this ask never leaves the node.
/// </summary>
public sealed class MailboxRegion(IActorRef accounts)
{
    /// <summary>Tells the account's mailbox (watch and unwatch requests).</summary>
    public void Tell(string accountId, object message) =>
        accounts.Tell(new AccountEnvelope(accountId.ToLowerInvariant(), AccountChild.Mailbox, message));

    /// <summary>
    /// The same requests sent to <paramref name="entity"/>, the account entity that parents the mailbox, instead of the
    /// region: a device's asks then reach its mailbox while the entity's shard is handed off, where the region holds
    /// them until the hand-off is over, which waits for the device.
    /// </summary>
    public MailboxRegion Through(IActorRef entity) => new(entity);

    public async Task<T> RunAsync<T>(string accountId, MailCredentials credentials, Func<MailboxContext, Task<T>> work, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var envelope = new AccountEnvelope(accountId.ToLowerInvariant(), AccountChild.Mailbox, new RunOnMailbox<T>(credentials, work));
        return (await accounts.Ask<MailboxResult<T>>(envelope, deadline, cancellationToken)).Value;
    }
}
