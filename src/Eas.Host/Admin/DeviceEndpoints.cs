using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Admin;

/// <summary>
/// The admin API's device management (MS-ASPROV 3.2.5.1.2): order or cancel a remote wipe, remove a partnership. A
/// device is always addressed under its account: a DeviceId the account does not have is a 404, so a wipe cannot
/// reach another account's phone. Each action is in the audit log with the admin's name.
/// </summary>
internal static class DeviceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/accounts/{account}/devices/{deviceId}/wipe", async (string account, string deviceId, WipeRequest? wipe, DeviceRegion devices, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
        {
            if (AdminEndpoints.AccountIdOf(account, options.Value) is not { } id) return AdminEndpoints.BadAccount(account);
            var by = AdminAuthenticator.NameOf(http);
            var accountOnly = wipe?.AccountOnly ?? false;
            var result = await devices.RequestWipeAsync(id, deviceId, accountOnly, by, AccessRegions.DefaultDeadline, ct);
            if (result.Refusal is { } refusal) return Refused(refusal, deviceId, id);
            await access.Directory.RecordAsync("device.remote_wipe_requested", new { account = id, device = result.State!.DeviceId, accountOnly }, by, ct);
            return Results.Ok(Summary(result.State));
        });

        api.MapDelete("/accounts/{account}/devices/{deviceId}/wipe", async (string account, string deviceId, DeviceRegion devices, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
        {
            if (AdminEndpoints.AccountIdOf(account, options.Value) is not { } id) return AdminEndpoints.BadAccount(account);
            var by = AdminAuthenticator.NameOf(http);
            var result = await devices.CancelWipeAsync(id, deviceId, by, AccessRegions.DefaultDeadline, ct);
            if (result.Refusal is { } refusal) return Refused(refusal, deviceId, id);
            await access.Directory.RecordAsync("device.remote_wipe_cancelled", new { account = id, device = result.State!.DeviceId }, by, ct);
            return Results.Ok(Summary(result.State));
        });

        api.MapDelete("/accounts/{account}/devices/{deviceId}", async (string account, string deviceId, DeviceRegion devices, AccessRegions access, IOptions<EasOptions> options, HttpContext http, CancellationToken ct) =>
        {
            if (AdminEndpoints.AccountIdOf(account, options.Value) is not { } id) return AdminEndpoints.BadAccount(account);
            if (await devices.GetStateAsync(id, deviceId, AccessRegions.DefaultDeadline, ct) is not { } state) return NotFound(deviceId, id);
            // The removal is in the audit log before the device forgets itself.
            await access.Accounts.RemoveDeviceAsync(id, state.DeviceId, state.LastSeen ?? state.FirstSeen ?? DateTimeOffset.MinValue, AdminAuthenticator.NameOf(http), ct);
            await devices.RemovePartnershipAsync(id, deviceId, AccessRegions.DefaultDeadline, ct);
            return Results.Ok(Summary(state));
        });
    }

    private static DeviceSummary Summary(DeviceState state) => AdminEndpoints.SummaryOf(new DeviceStateReply(state));

    private static IResult NotFound(string deviceId, string accountId) =>
        Results.Problem($"Account '{accountId}' has no device '{deviceId}'.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Refused(RemoteWipeRefusal refusal, string deviceId, string accountId) => refusal switch
    {
        RemoteWipeRefusal.UnknownDevice => NotFound(deviceId, accountId),
        RemoteWipeRefusal.AccountOnlyNeeds161 => Results.Problem(
            $"Device '{deviceId}' speaks a protocol version below 16.1; an account-only wipe needs 16.1 (AccountOnlyRemoteWipe, MS-ASPROV 2.2.2.1). Order a full wipe instead.",
            statusCode: StatusCodes.Status400BadRequest),
        RemoteWipeRefusal.AlreadyAcknowledged => Results.Problem(
            $"Device '{deviceId}' has already acknowledged its wipe; remove the partnership to let it start over.", statusCode: StatusCodes.Status409Conflict),
        _ => Results.Problem($"Device '{deviceId}' has no pending wipe.", statusCode: StatusCodes.Status409Conflict),
    };
}
