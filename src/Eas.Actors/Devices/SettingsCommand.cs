using System.Collections.Immutable;
using Eas.Wire.Commands.Settings;

namespace Eas.Actors.Devices;

/// <summary>
/// The Settings command (MS-ASCMD 2.2.1.18) as far as it concerns the device: DeviceInformation/Set is
/// recorded, UserInformation/Get answers the account's address. Out-of-office and rights management need
/// a store that keeps them, which an IMAP server does not offer: they are answered as denied
/// (Settings Status 3, "access denied"), never silently dropped. The recovery password is not
/// kept either and is answered the same way.
/// </summary>
internal static class SettingsCommand
{
    public static Decision Decide(DeviceState state, DeviceRequest request, DateTimeOffset now)
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
            response = response with { Oof = new SettingsOofResult(SettingsStatus.AccessDenied) };

        if (body.DevicePassword is not null)
            response = response with { DevicePasswordStatus = SettingsStatus.AccessDenied };

        if (body.GetRightsManagementInformation)
            response = response with { RightsManagementInformation = new SettingsRightsManagementResult(SettingsStatus.AccessDenied) };

        return new Decision(new RespondWith(response), events);
    }
}
