using Eas.Actors.Kernel;

namespace Eas.Actors.Mailboxes;

/// <summary>Work a device hands to its account's mailbox actor, run on the account's one IMAP session.</summary>
public interface IMailboxWork
{
    MailCredentials Credentials { get; }

    Task RunAsync(MailboxContext context);

    void Fail(Exception error);
}

/// <summary>Runs <paramref name="Work"/> on the mailbox's session and replies with its result.</summary>
public sealed record RunOnMailbox<T>(MailCredentials Credentials, Func<MailboxContext, Task<T>> Work, ReplyTo<T> Reply) : IMailboxWork
{
    public async Task RunAsync(MailboxContext context)
    {
        if (!Reply.IsPending) return;
        var result = await Work(context);
        if (!Reply.Reply(result) && result is IAsyncDisposable orphan) await orphan.DisposeAsync();
    }

    public void Fail(Exception error) => Reply.Fail(error);
}

/// <summary>Closes the IMAP session after it has been idle for a while.</summary>
internal sealed record CloseIdleSession;
