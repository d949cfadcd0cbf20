using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Access;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Admin;

/// <summary>
/// The admin API's device access rules (Allow/Block/Quarantine by DeviceType, DeviceModel, UserAgent or
/// OperatingSystem; account, then domain, then service; first match wins; else the default level), the quarantined
/// devices, and an admin's per-device decision. Rules live in the directory, so each change is a directory change,
/// audited as one; an approval or block is written by the device and then recorded in the audit log. A device is
/// addressed under its account: one the account does not have is a 404.
/// </summary>
internal static class DeviceAccessEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/access-rules", async (AccessRegions access, CancellationToken ct) => (await access.Directory.CurrentAsync(ct)).AccessRules);
        api.MapPut("/access-rules", (ImmutableList<DeviceAccessRule> rules, AccessRegions access, HttpContext http, CancellationToken ct) =>
            SetAsync(access, new SetDeviceAccessRules(DirectoryLevel.Service, null, rules), http, ct));
        api.MapPut("/access-rules/default", async (DefaultAccessRequest change, AccessRegions access, HttpContext http, CancellationToken ct) =>
            Enum.IsDefined(change.Level)
                ? Results.Ok((await access.Directory.ChangeAsync(new SetDefaultAccessLevel(change.Level), AdminAuthenticator.NameOf(http), ct)).AccessRules)
                : Results.Problem("Unknown access level.", statusCode: StatusCodes.Status400BadRequest));
        api.MapPut("/domains/{domain}/access-rules", (string domain, ImmutableList<DeviceAccessRule> rules, AccessRegions access, HttpContext http, CancellationToken ct) =>
            SetAsync(access, new SetDeviceAccessRules(DirectoryLevel.Domain, domain, rules), http, ct));
        api.MapDelete("/domains/{domain}/access-rules", (string domain, AccessRegions access, HttpContext http, CancellationToken ct) =>
            SetAsync(access, new SetDeviceAccessRules(DirectoryLevel.Domain, domain, null), http, ct));
        api.MapPut("/accounts/{account}/access-rules", (string account, ImmutableList<DeviceAccessRule> rules, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
            AdminEndpoints.AccountIdOf(account, options.Value) is { } id
                ? SetAsync(access, new SetDeviceAccessRules(DirectoryLevel.Account, id, rules), http, ct)
                : Task.FromResult(AdminEndpoints.BadAccount(account)));
        api.MapDelete("/accounts/{account}/access-rules", (string account, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
            AdminEndpoints.AccountIdOf(account, options.Value) is { } id
                ? SetAsync(access, new SetDeviceAccessRules(DirectoryLevel.Account, id, null), http, ct)
                : Task.FromResult(AdminEndpoints.BadAccount(account)));

        api.MapGet("/devices/quarantined", async (DeviceListing devices, CancellationToken ct) =>
            (await devices.ListWhereAsync(DeviceListing.Quarantined, ct)).Select(AdminEndpoints.SummaryOf));
        api.MapGet("/devices/wipe-pending", async (DeviceListing devices, CancellationToken ct) =>
            (await devices.ListWhereAsync(DeviceListing.WipePending, ct)).Select(AdminEndpoints.SummaryOf));
        api.MapPost("/accounts/{account}/devices/{deviceId}/approve", (string account, string deviceId, DeviceRegion devices, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
            DecideAsync(account, deviceId, DeviceAccessLevel.Allow, "device.access_approved", devices, access, options.Value, http, ct));
        api.MapPost("/accounts/{account}/devices/{deviceId}/block", (string account, string deviceId, DeviceRegion devices, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
            DecideAsync(account, deviceId, DeviceAccessLevel.Block, "device.access_blocked", devices, access, options.Value, http, ct));
        api.MapDelete("/accounts/{account}/devices/{deviceId}/access", (string account, string deviceId, DeviceRegion devices, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
            DecideAsync(account, deviceId, null, "device.access_decision_removed", devices, access, options.Value, http, ct));
    }

    /// <summary>A rule list that cannot be stored is the caller's mistake (400) and never reaches the directory.</summary>
    private static async Task<IResult> SetAsync(AccessRegions access, SetDeviceAccessRules change, HttpContext http, CancellationToken ct)
    {
        var rules = change.Rules ?? [];
        if (rules.Count > DeviceAccessChanges.MaxRulesPerLevel)
            return Results.Problem($"A level holds at most {DeviceAccessChanges.MaxRulesPerLevel} rules.", statusCode: StatusCodes.Status400BadRequest);
        if (rules.Select((rule, index) => rule is null ? $"rule {index + 1} is empty" : rule.Problem() is { } p ? $"rule {index + 1}: {p}" : null).FirstOrDefault(p => p is not null) is { } problem)
            return Results.Problem($"Bad rule: {problem}.", statusCode: StatusCodes.Status400BadRequest);
        return Results.Ok((await access.Directory.ChangeAsync(change, AdminAuthenticator.NameOf(http), ct)).AccessRules);
    }

    /// <summary>The device writes the decision (it takes effect at its next request); then the audit log records it.</summary>
    private static async Task<IResult> DecideAsync(string account, string deviceId, DeviceAccessLevel? level, string change, DeviceRegion devices, AccessRegions access, EasOptions options, HttpContext http, CancellationToken ct)
    {
        if (AdminEndpoints.AccountIdOf(account, options) is not { } id) return AdminEndpoints.BadAccount(account);
        var by = AdminAuthenticator.NameOf(http);
        var result = await devices.SetAccessAsync(id, deviceId, level, by, AccessRegions.DefaultDeadline, ct);
        if (result.State is not { } state) return Results.Problem($"Account '{id}' has no device '{deviceId}'.", statusCode: StatusCodes.Status404NotFound);
        await access.Directory.RecordAsync(change, new { account = id, device = state.DeviceId }, by, ct);
        return Results.Ok(AdminEndpoints.SummaryOf(new DeviceStateReply(state)));
    }
}
