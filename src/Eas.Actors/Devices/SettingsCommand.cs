using System.Collections.Immutable;
using Eas.Actors.OutOfOffice;
using Eas.Mail.Sieve;
using Eas.Wire.Commands.Settings;

namespace Eas.Actors.Devices;

/// <summary>
/// The Settings command (MS-ASCMD 2.2.1.18) as far as it concerns the device: DeviceInformation/Set is
/// recorded, UserInformation/Get answers the account's address, Oof Get and Set (2.2.3.122) go to the
/// <see cref="DeviceActorSettings.Oof"/> store (Sieve through ManageSieve). Without that store Oof is answered as
/// denied (Settings Status 3), never silently dropped; a store that cannot be reached is Status 4 (retry later).
/// Rights management and the recovery password need a store an IMAP server does not offer, and are denied too.
/// </summary>
internal static class SettingsCommand
{
    public static async Task<Decision> DecideAsync(DeviceState state, DeviceRequest request, DeviceActorSettings settings, DateTimeOffset now)
    {
        var body = (SettingsRequest)request.Body!;
        var events = ImmutableArray<DeviceEvent>.Empty;
        var response = new SettingsResponse(SettingsStatus.Success);
        if (body.DeviceInformation is { } information)
        {
            events = DeviceDecisions.RecordInformation(state, DeviceInformationMapping.From(information), now);
            response = response with { DeviceInformationStatus = SettingsStatus.Success };
        }

        if (body.GetUserInformation)
        {
            var account = new SettingsAccount
            {
                PrimarySmtpAddress = request.EmailAddress,
                SmtpAddresses = [request.EmailAddress],
                UserDisplayName = request.EmailAddress,
            };
            response = response with { UserInformation = new SettingsUserInformationResult(SettingsStatus.Success) { Accounts = [account] } };
        }

        if (body.OofGetBodyType is not null || body.OofSet is not null)
            response = response with { Oof = await OofAsync(body, request, settings) };

        if (body.DevicePassword is not null)
            response = response with { DevicePasswordStatus = SettingsStatus.AccessDenied };

        if (body.GetRightsManagementInformation)
            response = response with { RightsManagementInformation = new SettingsRightsManagementResult(SettingsStatus.AccessDenied) };

        return new Decision(new RespondWith(response), events);
    }

    /// <summary>Oof Get or Set: read what is stored; a Set is checked, merged into it and written (MS-ASCMD 2.2.3.122).</summary>
    private static async Task<SettingsOofResult> OofAsync(SettingsRequest body, DeviceRequest request, DeviceActorSettings settings)
    {
        if (settings.Oof is not { } store || request.Credentials is not { } credentials) return new SettingsOofResult(SettingsStatus.AccessDenied);
        using var deadline = new CancellationTokenSource(settings.MailboxDeadline);
        try
        {
            var stored = await store.GetAsync(credentials, deadline.Token) ?? OofRules.Nothing;
            if (body.OofSet is not { } set) return new SettingsOofResult(SettingsStatus.Success) { Get = OofRules.ForGet(stored, body.OofGetBodyType) };
            if (OofRules.Check(set, stored) is { } refusal)
            {
                OofLog.SetRefused(settings.Logger, request.AccountId, refusal.ToString(), "the settings contradict MS-ASCMD 2.2.3.122");
                return new SettingsOofResult(refusal);
            }

            await store.SetAsync(credentials, request.EmailAddress, OofRules.Merge(stored, set), deadline.Token);
            return new SettingsOofResult(SettingsStatus.Success);
        }
        catch (SieveUnavailableException e)
        {
            OofLog.Unavailable(settings.Logger, request.AccountId, nameof(SettingsStatus.ServerUnavailable), e.Message);
            return new SettingsOofResult(SettingsStatus.ServerUnavailable);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            OofLog.Unavailable(settings.Logger, request.AccountId, nameof(SettingsStatus.ServerUnavailable), "no answer within the command's deadline");
            return new SettingsOofResult(SettingsStatus.ServerUnavailable);
        }
        catch (SieveCommandException e)
        {
            OofLog.SieveRefused(settings.Logger, request.AccountId, e.Command, e.Code, e.ServerMessage);
            return new SettingsOofResult(SettingsStatus.AccessDenied);
        }
    }
}
