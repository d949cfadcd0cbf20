using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Diagnostics;
using Eas.Actors.Devices;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Audit;
using Eas.Host.Auth;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Admin;

/// <summary>
/// The admin API: JSON over HTTP under <c>/admin/api</c>, for admins of <c>Eas:Admin:Users</c> only
/// (<see cref="AdminAuthenticator"/>). Every change goes through the actor that owns it and is written to the
/// audit log with the admin's name before the answer. The <c>admin</c> subcommand of the host binary uses it.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/admin/api";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Prefix)
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<AdminAuthenticator>().FilterAsync(context, next))
            .AddEndpointFilter(RetriableAsync);

        api.MapGet("/service", async (AccessRegions access, CancellationToken ct) => ServiceOf(await access.Directory.CurrentAsync(ct)));
        api.MapPut("/service", async (ServiceChangeRequest change, AccessRegions access, HttpContext http, CancellationToken ct) =>
        {
            var by = AdminAuthenticator.NameOf(http);
            var state = await access.Directory.CurrentAsync(ct);
            if (change.Enabled is { } enabled) state = await access.Directory.ChangeAsync(new SetServiceEnabled(enabled), by, ct);
            if (change.Defaults is { } defaults) state = await access.Directory.ChangeAsync(new SetServiceDefaults(defaults), by, ct);
            return ServiceOf(state);
        });

        api.MapGet("/domains", async (AccessRegions access, CancellationToken ct) => (await access.Directory.CurrentAsync(ct)).Domains);
        api.MapGet("/domains/{domain}", async (string domain, AccessRegions access, CancellationToken ct) =>
            (await access.Directory.CurrentAsync(ct)).Domains.TryGetValue(domain.ToLowerInvariant(), out var settings) ? Results.Ok(settings) : Results.NotFound());
        api.MapPut("/domains/{domain}", async (string domain, FeatureSettings settings, AccessRegions access, HttpContext http, CancellationToken ct) =>
            (await access.Directory.ChangeAsync(new SetDomainDefaults(domain, settings), AdminAuthenticator.NameOf(http), ct)).Domains);
        api.MapDelete("/domains/{domain}", async (string domain, AccessRegions access, HttpContext http, CancellationToken ct) =>
            (await access.Directory.ChangeAsync(new SetDomainDefaults(domain, null), AdminAuthenticator.NameOf(http), ct)).Domains);

        api.MapGet("/classes", async (AccessRegions access, CancellationToken ct) => (await access.Directory.CurrentAsync(ct)).Classes);
        api.MapPut("/classes/{name}", async (string name, FeatureSettings settings, AccessRegions access, HttpContext http, CancellationToken ct) =>
            (await access.Directory.ChangeAsync(new SetAccountClass(name, settings), AdminAuthenticator.NameOf(http), ct)).Classes);
        api.MapDelete("/classes/{name}", async (string name, AccessRegions access, HttpContext http, CancellationToken ct) =>
            (await access.Directory.ChangeAsync(new SetAccountClass(name, null), AdminAuthenticator.NameOf(http), ct)).Classes);

        api.MapGet("/accounts/{account}", async (string account, AccessRegions access, Eas.Actors.Mailboxes.Pim.IPimStoreFactory pim, IOptions<EasOptions> options, CancellationToken ct) =>
            AccountIdOf(account, options.Value) is { } id ? Results.Ok(AdminAccount.Of(await access.Accounts.GetAsync(id, ct), pim.KindFor(id))) : BadAccount(account));
        api.MapPut("/accounts/{account}", async (string account, AccountChangeRequest change, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
            AccountIdOf(account, options.Value) is { } id
                ? Results.Ok(await access.Accounts.ChangeAsync(id, change.Class, change.Features, AdminAuthenticator.NameOf(http), ct))
                : BadAccount(account));
        api.MapGet("/accounts/{account}/devices", async (string account, DeviceListing devices, IOptions<EasOptions> options, CancellationToken ct) =>
            AccountIdOf(account, options.Value) is { } id ? Results.Ok((await devices.ListAsync(id, AccessRegions.DefaultDeadline, ct)).Select(SummaryOf)) : BadAccount(account));

        DeviceEndpoints.Map(api);
        DeviceAccessEndpoints.Map(api);
        PolicyEndpoints.Map(api);

        api.MapGet("/license", async (AccessRegions access, CancellationToken ct) => await access.License.StatusAsync(ct));
        api.MapGet("/signin/locks", (SignInProtection protection) => protection.Locked());
        api.MapDelete("/signin/locks/{key}", (string key, SignInProtection protection, IOptions<EasOptions> options) =>
        {
            var account = AccountIdOf(key, options.Value);
            return protection.Unlock(key) | (account is not null && protection.Unlock(account)) ? Results.NoContent() : Results.NotFound();
        });
        api.MapGet("/audit", async (AuditReader audit, long? after, int? limit, CancellationToken ct) =>
            (await audit.ReadAsync(Math.Max(0, after ?? 0), Math.Clamp(limit ?? 100, 1, 1000), ct)).Select(EntryOf));
        api.MapGet("/cluster", (ClusterStats cluster, EntityCounts entities, PushMetrics push) => new
        {
            cluster.Current.SelfAddress,
            cluster.Current.Members,
            cluster.Current.Shards,
            cluster.Current.ShardedEntities,
            cluster.Current.EntitiesByNode,
            cluster.Current.SingletonsHere,
            Entities = Enum.GetValues<EntityKind>().ToDictionary(kind => kind.ToString().ToLowerInvariant(), kind => entities[kind]),
            ParkedPings = push.ParkedNow,
        });
        DiagnosticsEndpoints.Map(api);
    }

    /// <summary>
    /// A store outage or an actor that did not answer in time is a retriable 503 for scripts, as for phones; a
    /// blank domain or class name is the caller's mistake (400) and never reaches the directory actor.
    /// </summary>
    private static async ValueTask<object?> RetriableAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.GetRouteValue("domain") is string domain && string.IsNullOrWhiteSpace(domain)
            || context.HttpContext.GetRouteValue("name") is string name && string.IsNullOrWhiteSpace(name))
            return Results.Problem("A domain or class name must not be blank.", statusCode: StatusCodes.Status400BadRequest);
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is StoreUnavailableException or Akka.Actor.AskTimeoutException)
        {
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Results.Problem($"Try again: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The account id an admin means, mapped as sign-in names are (<c>mike</c>, <c>ox.io\mike</c>, <c>Mike@OX.io</c>).</summary>
    internal static string? AccountIdOf(string account, EasOptions options) =>
        SignInName.Parse(account, options.DefaultDomain, options.DomainAliases)?.AccountId;

    internal static IResult BadAccount(string account) => Results.Problem($"'{account}' is not an account name.", statusCode: StatusCodes.Status400BadRequest);

    private static ServiceView ServiceOf(DirectoryState state) => new(state.ServiceEnabled, state.ServiceDefaults);

    internal static DeviceSummary SummaryOf(DeviceStateReply reply)
    {
        var device = reply.State!;
        return new(device.DeviceId, device.DeviceType, device.ProtocolVersion, device.UserAgent, device.FirstSeen, device.LastSeen, device.PolicyKey is not null, reply.Loop, device.UserAgentBlockedUntil)
        {
            Wipe = WipeSummary.Of(device.RemoteWipe),
            PingParked = reply.PingParked,
            Account = device.AccountId,
            Access = device.Access,
            Decision = device.AccessDecision,
            Model = device.Information?.Model,
            OperatingSystem = device.Information?.OperatingSystem,
        };
    }

    private static AuditEntry EntryOf(AuditRecord e) => new(e.Sequence, e.At, e.By, e.Change, e.Details);
}
