namespace Eas.Actors.Kernel;

/// <summary>
/// Timers owned by one actor. The message is delivered through the mailbox like any other, so it never runs
/// concurrently with the actor. Starting a key that is already active replaces the timer, and a tick of the
/// replaced (or cancelled) timer that is already queued is dropped, never delivered. All timers are cancelled
/// when the instance stops or restarts. Call only from the actor's own turn.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Delivers <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    void StartSingle(object key, object message, TimeSpan delay);

    /// <summary>Delivers <paramref name="message"/> every <paramref name="interval"/>, the first after one interval.</summary>
    void StartPeriodic(object key, object message, TimeSpan interval);

    /// <summary>Delivers <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodic(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>Cancels the timer; returns false when no timer had that key.</summary>
    bool Cancel(object key);

    /// <summary>True while the timer has not been cancelled and, for a single timer, not yet delivered.</summary>
    bool IsActive(object key);

    /// <summary>Cancels every timer of this actor.</summary>
    void CancelAll();
}
