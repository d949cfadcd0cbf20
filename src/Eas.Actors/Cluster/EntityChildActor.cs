using Akka.Actor;

namespace Eas.Actors.Cluster;

/// <summary>
/// Base of the actors an <see cref="AccountEntityActor"/> parents. After <c>idleTimeout</c> without a message
/// the child offers to stop (<see cref="ChildIdle"/>) unless <see cref="CanPassivate"/> says it holds
/// something that must outlive idleness; the parent then sends <see cref="PassivateChild"/> behind the
/// messages already on their way, so the child only stops once it has handled all of them.
/// </summary>
public abstract class EntityChildActor : ReceiveActor, IWithTimers
{
    protected EntityChildActor(TimeSpan idleTimeout)
    {
        Receive<ReceiveTimeout>(_ =>
        {
            if (CanPassivate) Context.Parent.Tell(ChildIdle.Instance);
        });
        Receive<PassivateChild>(_ =>
        {
            if (CanPassivate) Context.Stop(Self);
            else Context.Parent.Tell(ChildBusy.Instance);
        });
        Context.SetReceiveTimeout(idleTimeout);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Whether the child may stop now. Return false while holding something that must outlive idleness, such
    /// as a parked long-poll reply or a running watcher. Asked on the actor's own turn.
    /// </summary>
    protected virtual bool CanPassivate => true;
}
