using System.Collections.Frozen;
using Eas.Actors.Accounts;
using Eas.Host.Admin;
using Eas.Host.Auth;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Diagnostics.Tracing;

/// <summary>
/// The diagnostic switch of <c>Eas:Diagnostics</c>: which accounts and devices get their requests and
/// responses logged (event 1020, redacted by <see cref="TraceRedactor"/>). Admins replace the lists at runtime
/// through the admin API; a change is in the audit log (recorded by the directory, <see cref="DirectoryRegion.RecordAsync"/>)
/// before it takes effect, and lasts until the next start. With
/// nothing traced, the cost per request is one read of an immutable snapshot and two lookups in empty sets.
/// </summary>
internal sealed class RequestTracer : IDisposable
{
    private readonly EasOptions _options;
    private readonly DirectoryRegion _directory;
    private readonly ILogger<RequestTracer> _logger;
    private readonly SemaphoreSlim _changes = new(1, 1);
    private Targets _targets;

    public RequestTracer(IOptions<EasOptions> options, AccessRegions access, ILogger<RequestTracer> logger)
    {
        _options = options.Value;
        _directory = access.Directory;
        _logger = logger;
        var configured = _options.Diagnostics;
        _targets = new Targets([.. configured.TraceUsers.Select(name => AccountIdOf(name) ?? name.Trim().ToLowerInvariant())], configured.TraceDevices);
    }

    public DiagnosticsView Current => Volatile.Read(ref _targets).View;

    /// <summary>Replaces the lists the change names, after writing the change to the audit log.</summary>
    /// <exception cref="ArgumentException">A name that is not an account name, or an empty DeviceId.</exception>
    public async Task<DiagnosticsView> ChangeAsync(DiagnosticsChangeRequest change, string by, CancellationToken cancellationToken)
    {
        var users = change.TraceUsers?.Select(name => AccountIdOf(name) ?? throw new ArgumentException($"'{name}' is not an account name.")).ToList();
        if (change.TraceDevices?.FirstOrDefault(string.IsNullOrWhiteSpace) is not null) throw new ArgumentException("A DeviceId to trace is empty.");
        await _changes.WaitAsync(cancellationToken);
        try
        {
            var current = Volatile.Read(ref _targets).View;
            var next = new Targets(users ?? current.TraceUsers, change.TraceDevices ?? current.TraceDevices);
            await _directory.RecordAsync("diagnostics.trace", next.View, by, cancellationToken);
            Volatile.Write(ref _targets, next);
            HostLog.TraceChanged(_logger, by, string.Join(", ", next.View.TraceUsers), string.Join(", ", next.View.TraceDevices));
            return next.View;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>
    /// Starts the trace of a request whose account or device is traced: from here its response is copied as it
    /// is written. Null, and nothing changed, for everyone else.
    /// </summary>
    public RequestTrace? Start(HttpContext context, string accountId, string deviceId)
    {
        var targets = Volatile.Read(ref _targets);
        if (!targets.Users.Contains(accountId) && !targets.Devices.Contains(deviceId)) return null;
        var capture = new TraceCaptureStream(context.Response.Body);
        context.Response.Body = capture;
        return new RequestTrace(capture);
    }

    public void Dispose() => _changes.Dispose();

    /// <summary>Logs the traced request with its answer; called once the response is written.</summary>
    public void Finish(RequestTrace trace, HttpResponse response, string command, string user, string deviceId, string version) =>
        HostLog.RequestTraced(_logger, command, user, deviceId, version, response.StatusCode, trace.DescribeRequest(), trace.DescribeResponse(response.ContentType));

    private string? AccountIdOf(string name) => SignInName.Parse(name.Trim(), _options.DefaultDomain, _options.DomainAliases)?.AccountId;

    /// <summary>One immutable set of traced accounts and devices, swapped whole on a change.</summary>
    private sealed class Targets(IReadOnlyList<string> users, IReadOnlyList<string> devices)
    {
        public FrozenSet<string> Users { get; } = users.ToFrozenSet(StringComparer.Ordinal);

        public FrozenSet<string> Devices { get; } = devices.Select(d => d.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        public DiagnosticsView View { get; } = new([.. users.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], [.. devices.Select(d => d.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)]);
    }
}
