namespace Eas.Actors.Kernel;

/// <summary>
/// Request/response at the edge of the actor system. Use it once per HTTP request, with a deadline; between
/// actors, tell (pass a <see cref="ReplyTo{T}"/> or an <see cref="IActorRef"/> inside the message instead).
/// </summary>
public static class AskExtensions
{
    /// <summary>
    /// Builds a message around a fresh reply handle, tells it to <paramref name="target"/> and returns the reply.
    /// The task fails with <see cref="AskTimeoutException"/> after <paramref name="timeout"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/> for none), is cancelled when <paramref name="cancellationToken"/>
    /// fires (the HTTP request was aborted), and fails with the actor's exception if handling the message throws.
    /// </summary>
    public static Task<TReply> Ask<TReply>(
        this IActorRef target,
        Func<ReplyTo<TReply>, object> build,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(build);
        if (target is not IEnvelopeTarget kernelTarget)
        {
            throw new ArgumentException("Ask needs a reference created by this kernel.", nameof(target));
        }

        var reply = new ReplyTo<TReply>();
        var message = build(reply);
        reply.Arm(kernelTarget.System.Clock, target.Path, timeout, cancellationToken);
        if (reply.IsPending)
        {
            kernelTarget.Post(new Envelope(message, reply));
        }

        return reply.Task;
    }
}
