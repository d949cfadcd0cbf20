using System.Collections.Immutable;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.Settings;
using Eas.Wire.Http;
using WireDeviceInformation = Eas.Wire.Commands.Settings.DeviceInformation;

namespace Eas.Actors.Devices;

/// <summary>
/// The Provision command (MS-ASPROV 3.2.5.1): phase 1 hands out the policy with a temporary key, phase 2
/// exchanges an acknowledged temporary key for the final key the phone sends with every later command.
/// 2.5 phones get the WAP provisioning XML, 12.0 and later the EASProvisionDoc.
/// </summary>
internal static class ProvisionCommand
{
    public static Decision Decide(DeviceState state, DeviceRequest request, DevicePolicy policy, Func<uint> newKey, DateTimeOffset now)
    {
        var body = (ProvisionRequest)request.Body!;
        var version = request.Line.ProtocolVersion;
        var events = ImmutableArray.CreateBuilder<DeviceEvent>();
        SettingsStatus? informationStatus = null;
        if (body.DeviceInformation is { } information)
        {
            events.AddRange(DeviceDecisions.RecordInformation(state, DeviceInformationMapping.From(information), now));
            informationStatus = SettingsStatus.Success;
        }

        if (state.RemoteWipe is { Pending: true } wipe)
        {
            var (answer, acknowledged) = RemoteWipeAnswer(state, wipe, body, now);
            events.AddRange(acknowledged);
            return new Decision(Respond(answer with { DeviceInformationStatus = informationStatus }), events.ToImmutable());
        }

        if (body.Policy is not { } asked)
        {
            return new Decision(Respond(new ProvisionResponse(ProvisionStatus.Success) { DeviceInformationStatus = informationStatus }), events.ToImmutable());
        }

        var expectedType = ProvisionVersionRules.PolicyTypeFor(version);
        if (!string.Equals(asked.PolicyType, expectedType, StringComparison.Ordinal))
        {
            var unknown = new ProvisionPolicyResponse(asked.PolicyType, PolicyStatus.UnknownPolicyType);
            return new Decision(Respond(new ProvisionResponse(ProvisionStatus.Success) { DeviceInformationStatus = informationStatus, Policy = unknown }), events.ToImmutable());
        }

        var after = DeviceDecisions.ApplyAll(state, events);
        var (response, more) = asked.IsAcknowledgement
            ? Acknowledge(after, asked, policy, newKey, now)
            : IssuePolicy(asked, policy, version, newKey(), now);
        events.AddRange(more);
        return new Decision(Respond(response with { DeviceInformationStatus = informationStatus }), events.ToImmutable());
    }

    /// <summary>
    /// A Provision of a device with a pending wipe. Without an acknowledgement it gets the directive, an empty
    /// RemoteWipe (or AccountOnlyRemoteWipe, 16.1) instead of a policy (MS-ASPROV 3.2.5.1.2.1). With one (RemoteWipe/Status
    /// or AccountOnlyRemoteWipe/Status, MS-ASPROV 3.1.5.1.2.2 and 3.1.5.1.2.3) the status is recorded, and the answer is
    /// Status 1 for a success, Status 2 and the directive again for a failure (MS-ASPROV 3.2.5.1.2.2).
    /// </summary>
    private static (ProvisionResponse, ImmutableArray<DeviceEvent>) RemoteWipeAnswer(DeviceState state, RemoteWipeState wipe, ProvisionRequest body, DateTimeOffset now)
    {
        var reported = wipe.AccountOnly ? body.AccountOnlyRemoteWipe ?? body.RemoteWipe : body.RemoteWipe ?? body.AccountOnlyRemoteWipe;
        if (reported is not { } status) return (Directive(wipe, ProvisionStatus.Success), []);
        var events = RemoteWipeRules.Acknowledge(state, status, now);
        return status == RemoteWipeAcknowledgement.Succeeded
            ? (new ProvisionResponse(ProvisionStatus.Success), events)
            : (Directive(wipe, ProvisionStatus.ProtocolError), events);
    }

    private static ProvisionResponse Directive(RemoteWipeState wipe, ProvisionStatus status) =>
        new(status) { RemoteWipe = !wipe.AccountOnly, AccountOnlyRemoteWipe = wipe.AccountOnly };

    private static (ProvisionResponse, ImmutableArray<DeviceEvent>) IssuePolicy(
        ProvisionPolicyRequest asked, DevicePolicy policy, ProtocolVersion version, uint temporaryKey, DateTimeOffset now)
    {
        var issued = new ProvisionPolicyResponse(asked.PolicyType, PolicyStatus.Success) { PolicyKey = temporaryKey };
        issued = ProvisionVersionRules.UsesProvisionDoc(version)
            ? issued with { ProvisionDoc = PolicyDocuments.EasProvisionDoc(policy) }
            : issued with { WapProvisioningDoc = PolicyDocuments.WapProvisioningDoc(policy) };
        return (new ProvisionResponse(ProvisionStatus.Success) { Policy = issued }, DeviceDecisions.IssuePolicy(temporaryKey, policy.Fingerprint, now));
    }

    private static (ProvisionResponse, ImmutableArray<DeviceEvent>) Acknowledge(
        DeviceState state, ProvisionPolicyRequest asked, DevicePolicy policy, Func<uint> newKey, DateTimeOffset now)
    {
        var applyStatus = (int)(asked.Status ?? PolicyAcknowledgement.Applied);
        var finalKey = NewKeyOtherThan(newKey, asked.PolicyKey!.Value);
        var (outcome, events) = DeviceDecisions.Acknowledge(state, asked.PolicyKey.Value, applyStatus, finalKey, policy.AllowNonProvisionableDevices, now);
        var response = outcome switch
        {
            AcknowledgeOutcome.Acknowledged => new ProvisionResponse(ProvisionStatus.Success)
            {
                Policy = new ProvisionPolicyResponse(asked.PolicyType, PolicyStatus.Success)
                {
                    PolicyKey = DeviceDecisions.ApplyAll(state, events).PolicyKey,
                },
            },
            AcknowledgeOutcome.PolicyKeyMismatch => new ProvisionResponse(ProvisionStatus.Success)
            {
                Policy = new ProvisionPolicyResponse(asked.PolicyType, PolicyStatus.WrongPolicyKey),
            },
            AcknowledgeOutcome.NotFullyProvisionable => new ProvisionResponse((ProvisionStatus)Wire.Commands.CommonStatus.DeviceNotFullyProvisionable),
            _ => new ProvisionResponse((ProvisionStatus)Wire.Commands.CommonStatus.ExternallyManagedDevicesNotAllowed),
        };
        return (response, events);
    }

    private static uint NewKeyOtherThan(Func<uint> newKey, uint taken)
    {
        uint key;
        do key = newKey(); while (key == 0 || key == taken);
        return key;
    }

    private static RespondWith Respond(ProvisionResponse response) => new(response);
}

/// <summary>Maps the Wire's DeviceInformation to the device state's own record.</summary>
internal static class DeviceInformationMapping
{
    public static DeviceInformation From(WireDeviceInformation information) => new()
    {
        Model = information.Model,
        Imei = information.Imei,
        FriendlyName = information.FriendlyName,
        OperatingSystem = information.OS,
        OperatingSystemLanguage = information.OSLanguage,
        PhoneNumber = information.PhoneNumber,
        MobileOperator = information.MobileOperator,
        UserAgent = information.UserAgent,
        EnableOutboundSms = information.EnableOutboundSms,
    };
}
