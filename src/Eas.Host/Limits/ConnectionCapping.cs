using System.Globalization;
using Eas.Actors.Mailboxes.Imap;
using Eas.Host.Admin;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Exposition;
using Eas.Host.Endpoints.DovecotPush;
using Eas.Host.Options;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;

namespace Eas.Host.Limits;

/// <summary>
/// Puts the node's limits in place: the connection cap on every Kestrel endpoint and the pacing of IMAP sign-ins.
/// A connection over the cap is counted by connection middleware (before TLS, so it costs no handshake to count),
/// marked, and answered by the first HTTP middleware with 503, Retry-After and Connection: close (MS-ASHTTP 3.1.5.2.3:
/// the answer when more users than the server's limit send requests; the phone retries after Retry-After), through
/// TLS where the endpoint has it, since a phone reads nothing else; it is
/// aborted if it sends no request within <see cref="RefusalGrace"/>. The cap is for phones: a request over the cap for
/// one of the node's own paths (<see cref="ServedOverCap"/>: /healthz, /metrics, Dovecot's push webhook, the admin API)
/// is served on its connection and the connection then closed, so that at the cap the node still looks alive to its
/// health checks, can be watched, and still hears of new mail for the Pings it holds. Past
/// <see cref="ConnectionCap.HardStop"/>, a little above the cap, a new connection is closed unanswered: the backstop
/// for both. That stop is counted here rather than by Kestrel's <c>MaxConcurrentConnections</c>, whose connection
/// middleware would keep an async frame, a releaser and a connection feature for every connection as long as it is open
/// (about 0.3 KB per parked Ping).
/// </summary>
public static class ConnectionCapping
{
    /// <summary>How long a refused connection may take to send the request its 503 answers.</summary>
    public static readonly TimeSpan RefusalGrace = TimeSpan.FromSeconds(10);

    /// <summary>The node's liveness check (mapped in ServerHost).</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Registers the cap (read from the descriptor limit now), the sign-in gate and the quiet-time memory trim, and wires the cap into Kestrel.</summary>
    public static void AddNodeLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(EasOptions.Section).GetSection("Limits").Get<LimitsOptions>() ?? new();
        var cap = ConnectionCap.From(ProcessDescriptors.Limit(), limits.DescriptorReserve, limits.MaxConnections);
        builder.Services.AddSingleton(sp => new ConnectionAdmission(
            cap, TimeSpan.FromSeconds(Math.Max(1, limits.RetryAfterSeconds)), sp.GetRequiredService<ServerMetrics>().Meter, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Eas.Host.Limits")));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EasOptions>>().Value;
            var wait = TimeSpan.FromSeconds(options.Limits.ImapLoginWaitSeconds ?? options.Imap.TimeoutSeconds);
            return new ImapLoginGate(Math.Max(1, options.Limits.ConcurrentImapLogins), wait, sp.GetRequiredService<ServerMetrics>().Meter);
        });
        if (limits.TrimMemoryWhenQuiet)
        {
            var rule = new MemoryTrimRule((long)limits.TrimSlackMiB << 20, (long)limits.QuietAllocationMiBPerSecond << 20, TimeSpan.FromSeconds(limits.MinimumTrimIntervalSeconds),
                TimeSpan.FromSeconds(limits.TrimIntervalAfterGrowthSeconds));
            builder.Services.AddHostedService(sp => new QuietMemoryTrim(
                rule, TimeSpan.FromSeconds(Math.Max(1, limits.MemoryCheckSeconds)), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Eas.Host.Limits"), new MemoryTrimMetrics(sp.GetRequiredService<ServerMetrics>().Meter)));
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => Admit(next, listen.ApplicationServices.GetRequiredService<ConnectionAdmission>())));
        });
    }

    /// <summary>Answers the requests of connections refused over the cap; first in the pipeline, so they cost nothing else.</summary>
    public static void UseConnectionCap(this WebApplication app)
    {
        var admission = app.Services.GetRequiredService<ConnectionAdmission>();
        app.Lifetime.ApplicationStarted.Register(() => Report(admission.Cap, app.Services.GetRequiredService<ImapLoginGate>(), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Eas.Host.Limits")));
        var retryAfter = ((long)admission.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        app.Use((context, next) =>
        {
            if (context.Features.Get<OverCap>() is not { } overCap) return next(context);
            var keepAlive = HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol);
            var response = context.Response;
            if (ServedOverCap(context.Request.Path))
            {
                overCap.Serve();
                if (keepAlive) response.Headers.Connection = "close";
                context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
                return next(context);
            }

            overCap.Refuse(admission);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = retryAfter;
            if (keepAlive) response.Headers.Connection = "close";
            context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The node's own paths, served even over the cap: the health check, the metrics, Dovecot's push webhook
    /// (otherwise the Pings already parked would not hear of new mail while the node is full) and the admin API.
    /// Everything else (ActiveSync, Autodiscover, the web console) is refused there.
    /// </summary>
    public static bool ServedOverCap(PathString path) =>
        path.Equals(HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(MetricsExport.Path, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(DovecotPushEndpoint.Path, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AdminEndpoints.Prefix, StringComparison.OrdinalIgnoreCase);

    private static void Report(ConnectionCap cap, ImapLoginGate logins, ILogger logger)
    {
        if (cap.Cap is { } connections) LimitsLog.Capped(logger, connections, cap.DescriptorLimit ?? -1, cap.Reserve, cap.HardStop ?? -1, logins.Capacity);
        else LimitsLog.Uncapped(logger, logins.Capacity);
    }

    private static ConnectionDelegate Admit(ConnectionDelegate next, ConnectionAdmission admission) => async connection =>
    {
        if (admission.TryAdmit())
        {
            try
            {
                await next(connection);
            }
            finally
            {
                admission.Leave();
            }

            return;
        }

        if (!admission.TryStartOverCap())
        {
            admission.Refuse();
            connection.Abort(new ConnectionAbortedException("Over the node's hard stop."));
            return;
        }

        try
        {
            using var grace = new CancellationTokenSource(RefusalGrace);
            var overCap = new OverCap(grace);
            connection.Features.Set(overCap);
            await using (grace.Token.Register(static state => ((ConnectionContext)state!).Abort(new ConnectionAbortedException("Over the connection cap.")), connection))
            {
                await next(connection);
            }

            if (!overCap.Answered) admission.Refuse();
        }
        finally
        {
            admission.EndOverCap();
        }
    };

    /// <summary>
    /// The mark of a connection over the cap, seen by the HTTP middleware through the connection's features: its one
    /// request is refused (counted then) or served (its grace timer stopped, so a slow admin answer is not cut off);
    /// a connection that sent no request is counted as refused when it ends.
    /// </summary>
    private sealed class OverCap(CancellationTokenSource grace)
    {
        public bool Answered { get; private set; }

        public void Refuse(ConnectionAdmission admission)
        {
            if (Answered) return;
            Answered = true;
            admission.Refuse();
        }

        public void Serve()
        {
            Answered = true;
            grace.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }
}
