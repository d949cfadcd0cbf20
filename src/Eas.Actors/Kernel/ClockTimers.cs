namespace Eas.Actors.Kernel;

/// <summary>Creates timers that do not capture the caller's execution context (an HTTP request's, for an ask),
/// so a parked timer keeps nothing of its creator alive.</summary>
internal static class ClockTimers
{
    public static ITimer Create(TimeProvider clock, TimerCallback callback, object state, TimeSpan dueTime, TimeSpan period)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return clock.CreateTimer(callback, state, dueTime, period);
        }

        using (ExecutionContext.SuppressFlow())
        {
            return clock.CreateTimer(callback, state, dueTime, period);
        }
    }
}
