using System.Diagnostics;
using Eas.Actors.Devices;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Host.Auth;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Live;
using Eas.Host.Diagnostics.Logging;
using Eas.Host.Diagnostics.Tracing;
using Eas.Host.Options;
using Eas.Wire.Commands;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using Microsoft.Extensions.Options;

namespace Eas.Host.Endpoints;

/// <summary>
/// <c>/Microsoft-Server-ActiveSync</c> (MS-ASHTTP): OPTIONS answers what the server speaks; POST runs one
/// command. The POST path is the request's only way through the server: sign in, parse the request line,
/// check <c>User=</c>, read and decode the body, ask the device once with a deadline, write the answer.
/// </summary>
internal sealed class ActiveSyncEndpoint(
    SignInService signIn,
    CommandCatalog catalog,
    DeviceRegion devices,
    Akka.Actor.ActorSystem actors,
    ServerMetrics metrics,
    LiveStats live,
    RequestTracer tracer,
    RequestLogging requestLog,
    IOptions<EasOptions> options,
    ILogger<ActiveSyncEndpoint> logger)
{
    /// <summary>
    /// Maps both methods as plain request delegates on the node's one endpoint instance, read from the root services:
    /// a handler whose parameters are bound from <c>RequestServices</c> opens a service scope per request, which a parked
    /// Ping would hold (the scope, its cache and its disposal callback) for its whole heartbeat.
    /// </summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        var services = routes.ServiceProvider;
        routes.MapMethods(ActiveSyncHeaders.Path, [HttpMethods.Options], (RequestDelegate)(context => services.GetRequiredService<ActiveSyncEndpoint>().OptionsAsync(context)));
        routes.MapPost(ActiveSyncHeaders.Path, (RequestDelegate)(context => services.GetRequiredService<ActiveSyncEndpoint>().PostAsync(context)))
            .WithMetadata(WritesOwnRequestLine.Instance);
    }

    /// <summary>MS-ASHTTP 2.2.3: the versions and commands this server supports; credentials are required as for POST.</summary>
    private async Task OptionsAsync(HttpContext context)
    {
        var result = await signIn.SignInAsync(context.Request.Headers.Authorization, ClientAddress.Of(context, options.Value.Auth.TrustedProxies), context.RequestAborted);
        if (result.Outcome != SignInOutcome.Accepted)
        {
            WriteSignInFailure(context.Response, result.Outcome);
            return;
        }

        var headers = context.Response.Headers;
        ActiveSyncHeaders.WriteCapabilities(headers, catalog, withReprovision: false);
        headers.Allow = "OPTIONS,POST";
        headers["Public"] = "OPTIONS,POST";
        headers.CacheControl = "private";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// One POST: prepared (signed in, request line and body read) by <see cref="PrepareAsync"/>, then the one ask, then the
    /// answer. Its own frame and the ask's are all of ours a parked Ping keeps while it waits, so the ask is in this
    /// method rather than in one of its own (each async level is a state machine kept for the whole heartbeat).
    /// </summary>
    private async Task PostAsync(HttpContext context)
    {
        var exchange = new Exchange(context);
        try
        {
            if (await PrepareAsync(exchange) is not { } request) return;
            var line = request.Line;
            var response = context.Response;
            var initialFolderSync = request.Body is FolderSyncRequest { IsInitial: true };
            try
            {
                var outcome = await devices.ExecuteAsync(request, DeadlineFor(line.Command, request.Body), context.RequestAborted);
                if (outcome is Throttled throttled)
                {
                    metrics.Throttled(throttled.Budget);
                    exchange.Log.Reason = $"over its {throttled.Budget} budget, retry in {throttled.RetryAfter.TotalSeconds:0} s";
                }

                if (outcome is UserAgentRefused refused) exchange.Log.Reason = $"User-Agent changed too often, refused until {refused.Until.UtcDateTime:u}";

                if (initialFolderSync && outcome is RespondWith)
                    ActiveSyncHeaders.WriteCapabilities(response.Headers, catalog, withReprovision: true);
                var compression = line.Command == EasCommand.Ping ? BodyCompression.None : BodyCompression.For(context.Request, options.Value.Requests.GzipMinBytes);
                exchange.ResponseBytes = await OutcomeWriter.WriteAsync(response, line, outcome, logger, exchange.User, compression);
            }
            catch (Exception e) when (e is StoreUnavailableException or MailStoreUnavailableException or MailKit.Net.Imap.ImapCommandException or Akka.Actor.AskTimeoutException || actors.WhenTerminated.IsCompleted)
            {
                HostLog.Unavailable(logger, exchange.CommandName, exchange.User, exchange.DeviceId, e.Message);
                if (response.HasStarted) throw; // Mid-body: the host aborts the connection and the line says 500.
                WriteRetryLater(response);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                exchange.Log.Reason = "the client hung up while its command ran";
                response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The phone hung up while it was being signed in (or waited for a place among the IMAP checks).
            if (!context.Response.HasStarted) context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            exchange.Log.Reason = "the client hung up during sign-in";
        }
        catch (Exception e) when (Failed(exchange, e))
        {
            // Never taken: the filter counts the request and writes its line, and the exception goes on to the host (500).
        }
        finally
        {
            if (!exchange.Completed) Complete(exchange, context.Response.StatusCode, null);
        }
    }

    /// <summary>An exception escapes the command: counted and logged as the host's 500 it becomes; false, so it is not caught.</summary>
    private bool Failed(Exchange exchange, Exception e)
    {
        Complete(exchange, StatusCodes.Status500InternalServerError, e);
        return false;
    }

    /// <summary>
    /// Counts the request (even one that failed with an exception), finishes its trace, and writes its line of the
    /// request log (<see cref="RequestLogging"/>).
    /// </summary>
    private void Complete(Exchange exchange, int status, Exception? exception)
    {
        var context = exchange.Context;
        exchange.Completed = true;
        var elapsed = Stopwatch.GetElapsedTime(exchange.Started);
        live.Completed(exchange.Command, exchange.User, exchange.DeviceId, status, elapsed);
        metrics.RequestCompleted(exchange.CommandName, exchange.Version, status, elapsed);
        exchange.Log.RequestBytes = context.Request.ContentLength ?? exchange.RequestBytes;
        if (exception is null && exchange.Trace is { } trace) tracer.Finish(trace, context.Response, exchange.CommandName, exchange.User, exchange.DeviceId, exchange.Version);
        requestLog.Write(context, exchange.Log, exchange.Started, exception);
    }

    /// <summary>
    /// Everything before the ask: sign-in, the request line, <c>User=</c>, the body read and decoded. Null when the
    /// request has been answered here (refused, or its body at fault).
    /// </summary>
    private async Task<DeviceRequest?> PrepareAsync(Exchange exchange)
    {
        var context = exchange.Context;
        var response = context.Response;
        var result = await signIn.SignInAsync(context.Request.Headers.Authorization, ClientAddress.Of(context, options.Value.Auth.TrustedProxies), context.RequestAborted);
        exchange.User = result.Name?.AccountId ?? "-";
        if (result.Outcome != SignInOutcome.Accepted)
        {
            WriteSignInFailure(response, result.Outcome);
            return null;
        }

        var name = result.Name!;
        EasRequestLine line;
        try
        {
            line = EasRequestLineParser.Parse(context.Request.QueryString.Value, header => HeaderValue(context.Request, header));
        }
        catch (EasRequestException e)
        {
            HostLog.BadRequest(logger, exchange.User, e.Message);
            exchange.Refused(e);
            exchange.ResponseBytes = await OutcomeWriter.WriteRequestLineErrorAsync(response, e);
            return null;
        }

        if (!line.IgnoredParameters.IsEmpty) HostLog.IgnoredParameters(logger, exchange.User, string.Join(", ", line.IgnoredParameters));
        exchange.Describe(line);
        live.Started(line.Command);
        exchange.Trace = tracer.Start(context, exchange.User, line.DeviceId);
        if (!QueryUserMatches(line.User, name))
        {
            HostLog.Forbidden(logger, exchange.User, $"User= '{line.User}' names another account");
            response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        object? typedBody = null;
        var implemented = catalog.TryGet(line.Command, line.ProtocolVersion, out var command);
        if (implemented)
        {
            byte[]? body;
            try
            {
                body = await RequestBody.ReadAsync(context.Request, options.Value.Requests.MaxBodyBytes, context.RequestAborted);
            }
            catch (Exception e) when (IsHangUp(context, e))
            {
                // The phone went away mid-body: its outcome, not a server error (499, as nginx names it).
                exchange.Log.Reason = "the client hung up while sending its body";
                response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                return null;
            }
            catch (BadHttpRequestException e)
            {
                // Broken chunking, or a client sending too slowly: the client's error.
                HostLog.BadRequest(logger, exchange.User, $"{line.Command}: {e.Message}");
                response.StatusCode = e.StatusCode;
                return null;
            }

            if (body is null)
            {
                exchange.Log.Reason = $"body larger than Eas:Requests:MaxBodyBytes ({options.Value.Requests.MaxBodyBytes} bytes)";
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return null;
            }

            exchange.RequestBytes = body.Length;
            exchange.Trace?.RequestBody = body;
            try
            {
                typedBody = command.Decode(body, line);
            }
            catch (Exception e) when (e is WbxmlException or EasRequestFormatException)
            {
                HostLog.BadRequest(logger, exchange.User, $"{line.Command}: {e.Message}");
                exchange.Log.Reason = e.Message;
                exchange.ResponseBytes = await OutcomeWriter.WriteProtocolErrorAsync(response, line, e);
                return null;
            }

            if (CommandSizeGuard.Check(typedBody, options.Value.Budgets) is { } oversized)
            {
                metrics.Throttled(oversized.Budget);
                exchange.ResponseBytes = await OutcomeWriter.WriteOversizedAsync(response, line, oversized, logger, exchange.User);
                return null;
            }
        }

        return new DeviceRequest(name.AccountId, name.ImapLogin, line, typedBody)
        {
            Implemented = implemented,
            Credentials = new MailCredentials(name.ImapLogin, result.Password!),
        };
    }

    /// <summary>
    /// <c>User=</c> may be absent (base64 queries, some phones); when present it must name the signed-in
    /// account once both are mapped the same way, so <c>mike@ox.io</c> and <c>ox.io\mike</c> agree.
    /// </summary>
    private bool QueryUserMatches(string? queryUser, SignInName signedIn)
    {
        if (string.IsNullOrEmpty(queryUser)) return true;
        var settings = options.Value;
        var named = SignInName.Parse(queryUser, settings.DefaultDomain, settings.DomainAliases);
        return named is not null && named.AccountId == signedIn.AccountId;
    }

    /// <summary>
    /// A Ping, or a Sync that may wait (Wait or HeartbeatInterval, or an empty Sync that repeats a cached one),
    /// may be parked for its whole heartbeat; a message being sent gets the SMTP budget on top (connect,
    /// commands, data), so the phone is not told "retry" while its message still goes out; every other command,
    /// a plain Sync included, gets the configured deadline, so a request lost with a node that died is answered
    /// 503 within it rather than held for an hour.
    /// </summary>
    private TimeSpan DeadlineFor(EasCommand command, object? body)
    {
        var settings = options.Value;
        var deadline = TimeSpan.FromSeconds(settings.Requests.CommandDeadlineSeconds);
        var mayWait = command == EasCommand.Ping || (command == EasCommand.Sync && body is not Eas.Wire.Commands.Sync.SyncRequest { Wait: null, HeartbeatInterval: null, Partial: false });
        return command switch
        {
            _ when mayWait => deadline + TimeSpan.FromSeconds(settings.Ping.MaxHeartbeatSeconds),
            EasCommand.SendMail or EasCommand.SmartReply or EasCommand.SmartForward =>
                deadline + TimeSpan.FromSeconds((3 * settings.Smtp.TimeoutSeconds) + settings.Smtp.DataTimeoutSeconds),
            _ => deadline,
        };
    }

    /// <summary>
    /// Whether a failed body read means the client went away: the connection was aborted, or the stream ended
    /// before the declared Content-Length (which Kestrel reports as a 400 "unexpected end of request content").
    /// </summary>
    private static bool IsHangUp(HttpContext context, Exception e) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } => context.Request.ContentLength is not null || context.RequestAborted.IsCancellationRequested,
        BadHttpRequestException => false,
        OperationCanceledException or IOException => context.RequestAborted.IsCancellationRequested,
        _ => false,
    };

    private static string? HeaderValue(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static void WriteSignInFailure(HttpResponse response, SignInOutcome outcome)
    {
        if (outcome == SignInOutcome.StoreUnavailable)
        {
            WriteRetryLater(response);
            return;
        }

        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = ActiveSyncHeaders.BasicChallenge;
    }

    private static void WriteRetryLater(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "30";
    }

    /// <summary>What one POST is about, for its metrics, live stats, trace and log line (<see cref="Log"/>).</summary>
    private sealed class Exchange
    {
        public Exchange(HttpContext context) => Context = context;

        public HttpContext Context { get; }

        /// <summary>When the request began (<see cref="Stopwatch.GetTimestamp"/>).</summary>
        public long Started { get; } = Stopwatch.GetTimestamp();

        /// <summary>Whether the request has been counted and logged (<see cref="Complete"/>).</summary>
        public bool Completed { get; set; }
        public RequestLogEntry Log { get; } = new();
        public string User { get => Log.User; set => Log.User = value; }
        public string DeviceId => Log.DeviceId;
        public EasCommand? Command { get; private set; }
        public string CommandName => Log.Command;
        public string Version => Log.Version;
        public long RequestBytes { get; set; }
        public long ResponseBytes { get => Log.ResponseBytes; set => Log.ResponseBytes = value; }
        public RequestTrace? Trace { get; set; }

        /// <summary>A refused request line: its reason goes on the request log line, with what the line named.</summary>
        public void Refused(EasRequestException refusal)
        {
            Log.Reason = $"{refusal.Field}: {refusal.Message}";
            if (refusal.Command is { } command)
            {
                Command = command;
                Log.Command = command.ToWireName();
            }

            if (refusal.ProtocolVersion is { } version) Log.Version = version.ToString();
        }

        public void Describe(EasRequestLine line)
        {
            Command = line.Command;
            Log.DeviceId = line.DeviceId;
            Log.Command = line.Command.ToWireName();
            Log.Version = line.ProtocolVersion.ToString();
        }
    }
}
