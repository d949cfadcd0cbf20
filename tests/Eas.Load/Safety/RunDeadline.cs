namespace Eas.Load.Safety;

/// <summary>
/// The time bound of a run (<c>--max-seconds</c>) joined with the user's Ctrl-C: its token is cancelled at
/// whichever comes first, and <see cref="StopReason"/> says which, so a stopped run can still report what it
/// measured until then.
/// </summary>
internal sealed class RunDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _user;

    public RunDeadline(TimeSpan limit, CancellationToken user)
    {
        Limit = limit;
        _user = user;
        _source = CancellationTokenSource.CreateLinkedTokenSource(user);
        _source.CancelAfter(limit);
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => _source.Token;

    public bool IsOver => _source.IsCancellationRequested;

    /// <summary>Null while the run may go on; else why it was stopped.</summary>
    public string? StopReason =>
        !_source.IsCancellationRequested ? null
        : _user.IsCancellationRequested ? "interrupted (Ctrl-C)"
        : $"time limit reached (--max-seconds {Limit.TotalSeconds:0})";

    public void Dispose() => _source.Dispose();
}
