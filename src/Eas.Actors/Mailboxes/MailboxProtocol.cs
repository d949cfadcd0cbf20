namespace Eas.Actors.Mailboxes;

/// <summary>
/// Work a device hands to its account's mailbox actor, run on the account's one IMAP session. It is a
/// closure, so it only ever travels between actors of one node: the device and its mailbox are children of
/// the same account entity.
/// </summary>
public interface IMailboxWork : Cluster.IRoutedToChild
{
    MailCredentials Credentials { get; }

    /// <summary>Runs the work; its result is what the asker is told once the mailbox's changes are durable.</summary>
    Task<object> RunAsync(MailboxContext context);
}

/// <summary>Runs <paramref name="Work"/> on the mailbox's session; the asker gets a <see cref="MailboxResult{T}"/>.</summary>
public sealed record RunOnMailbox<T>(MailCredentials Credentials, Func<MailboxContext, Task<T>> Work) : IMailboxWork
{
    public async Task<object> RunAsync(MailboxContext context) => new MailboxResult<T>(await Work(context));
}

/// <summary>The result of a <see cref="RunOnMailbox{T}"/>; a wrapper because a result may be null, which no actor message may be.</summary>
public sealed record MailboxResult<T>(T Value);

/// <summary>Closes the IMAP session after it has been idle for a while.</summary>
internal sealed record CloseIdleSession;
