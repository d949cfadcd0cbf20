using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Eas.Host.Diagnostics;

/// <summary>
/// The HTTP edge's instruments on the one <c>Eas.Server</c> meter (see docs/Telemetry.md). Tags come from
/// fixed sets (command names, protocol versions, status codes, reasons): never a user or device id.
/// </summary>
public sealed class ServerMetrics
{
    public const string MeterName = "Eas.Server";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _signInLocks;
    private readonly Counter<long> _throttled;

    public ServerMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _requests = Meter.CreateCounter<long>("eas.requests", "{request}", "ActiveSync requests answered, by command, protocol version and HTTP status.");
        _duration = Meter.CreateHistogram<double>("eas.request.duration", "s", "Time from request received to response written, by command, protocol version and HTTP status.");
        _authFailures = Meter.CreateCounter<long>("eas.auth.failures", "{attempt}", "Sign-ins refused or not checkable, by reason.");
        _throttled = Meter.CreateCounter<long>("eas.throttled", "{request}", "Requests refused with 503 because their device was over a budget, by budget.");
        _signInLocks = Meter.CreateCounter<long>("eas.auth.locks", "{lock}", "Accounts and client addresses locked after failed sign-ins, by scope.");
    }

    /// <summary>The server's one meter, shared with the actor kernel and the store.</summary>
    public Meter Meter { get; }

    public void RequestCompleted(string command, string version, int status, TimeSpan elapsed)
    {
        var tags = new TagList { { "command", command }, { "version", version }, { "status", status } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void AuthenticationFailed(string reason) => _authFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Throttled(string budget) => _throttled.Add(1, new KeyValuePair<string, object?>("budget", budget));

    public void SignInLocked(string scope) => _signInLocks.Add(1, new KeyValuePair<string, object?>("scope", scope));
}
