using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Access;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Admin;

/// <summary>
/// The admin API's provisioning policy per level (MS-ASPROV 2.2.2.27 settings by element name): the service's
/// overrides of the configured policy, per domain, per class and per account, each a directory change (audited). The
/// account's view shows every effective setting and where it comes from. A change that alters an account's effective
/// policy makes its devices re-provision at their next request (the acknowledged key no longer matches the policy).
/// </summary>
internal static class PolicyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/policies", async (AccessRegions access, IOptions<EasOptions> options, CancellationToken ct) => new
        {
            Configured = ServerHost.PolicyFrom(options.Value.Provisioning).Settings,
            (await access.Directory.CurrentAsync(ct)).Policies,
        });
        api.MapPut("/policies/service", (ImmutableSortedDictionary<string, string> settings, AccessRegions access, HttpContext http, CancellationToken ct) =>
            SetAsync(access, new SetPolicySettings(DirectoryLevel.Service, null, settings), http, ct));
        api.MapPut("/policies/domains/{domain}", (string domain, ImmutableSortedDictionary<string, string> settings, AccessRegions access, HttpContext http, CancellationToken ct) =>
            SetAsync(access, new SetPolicySettings(DirectoryLevel.Domain, domain, settings), http, ct));
        api.MapDelete("/policies/domains/{domain}", (string domain, AccessRegions access, HttpContext http, CancellationToken ct) =>
            SetAsync(access, new SetPolicySettings(DirectoryLevel.Domain, domain, null), http, ct));
        api.MapPut("/policies/classes/{name}", (string name, ImmutableSortedDictionary<string, string> settings, AccessRegions access, HttpContext http, CancellationToken ct) =>
            SetAsync(access, new SetPolicySettings(DirectoryLevel.Class, name, settings), http, ct));
        api.MapDelete("/policies/classes/{name}", (string name, AccessRegions access, HttpContext http, CancellationToken ct) =>
            SetAsync(access, new SetPolicySettings(DirectoryLevel.Class, name, null), http, ct));
        api.MapPut("/accounts/{account}/policy", (string account, ImmutableSortedDictionary<string, string> settings, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
            AdminEndpoints.AccountIdOf(account, options.Value) is { } id
                ? SetAsync(access, new SetPolicySettings(DirectoryLevel.Account, id, settings), http, ct)
                : Task.FromResult(AdminEndpoints.BadAccount(account)));
        api.MapDelete("/accounts/{account}/policy", (string account, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
            AdminEndpoints.AccountIdOf(account, options.Value) is { } id
                ? SetAsync(access, new SetPolicySettings(DirectoryLevel.Account, id, null), http, ct)
                : Task.FromResult(AdminEndpoints.BadAccount(account)));
        api.MapGet("/accounts/{account}/policy", async (string account, AccessRegions access, IOptions<EasOptions> options, CancellationToken ct) =>
        {
            if (AdminEndpoints.AccountIdOf(account, options.Value) is not { } id) return AdminEndpoints.BadAccount(account);
            var view = await access.Accounts.GetAsync(id, ct);
            var directory = await access.Directory.CurrentAsync(ct);
            var effective = PolicyResolver.Resolve(ServerHost.PolicyFrom(options.Value.Provisioning), directory.Policies, id, view.Settings.Class);
            return Results.Ok(new AccountPolicyView(id, view.Settings.Class, effective.Policy.Fingerprint, effective.Settings));
        });
    }

    /// <summary>Settings that cannot be stored are the caller's mistake (400) and never reach the directory.</summary>
    private static async Task<IResult> SetAsync(AccessRegions access, SetPolicySettings change, HttpContext http, CancellationToken ct)
    {
        if (change.Settings is { } settings && PolicyResolver.Problem(settings) is { } problem)
            return Results.Problem($"Bad policy setting: {problem}.", statusCode: StatusCodes.Status400BadRequest);
        return Results.Ok((await access.Directory.ChangeAsync(change, AdminAuthenticator.NameOf(http), ct)).Policies);
    }
}
