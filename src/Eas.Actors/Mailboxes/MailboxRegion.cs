using Eas.Actors.Kernel;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// The mailbox entities of this node. A device awaits its mailbox's answer inside its own turn: that keeps a
/// device's commands in order without a hand-written stash, and cannot deadlock because a mailbox never
/// waits for a device (it only tells).
/// </summary>
public sealed class MailboxRegion(EntityRegion region)
{
    public int Count => region.Count;

    /// <summary>Tells the account's mailbox (watch and unwatch requests).</summary>
    public void Tell(string accountId, object message) => region.Tell(accountId.ToLowerInvariant(), message);

    public Task<T> RunAsync<T>(string accountId, MailCredentials credentials, Func<MailboxContext, Task<T>> work, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        region.Ask<T>(accountId.ToLowerInvariant(), reply => new RunOnMailbox<T>(credentials, work, reply), deadline, cancellationToken);
}
