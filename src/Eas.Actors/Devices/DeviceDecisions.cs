using System.Collections.Immutable;

namespace Eas.Actors.Devices;

/// <summary>
/// The pure rules of a device: what each command means for its state (<c>Decide</c>: state and command to
/// events) and how events change the state (<see cref="Apply"/>). No I/O, no clock, no randomness: keys and
/// times come in as arguments, so every rule is tested without an actor.
/// </summary>
public static class DeviceDecisions
{
    /// <summary>How stale the recorded last contact may get before a request writes it again.</summary>
    public static readonly TimeSpan ContactResolution = TimeSpan.FromMinutes(5);

    private const int MaxIssuedKeys = 16;

    /// <summary>How many sent-message keys a device keeps: phones resend only their last few messages.</summary>
    public const int MaxSentMessages = 64;

    /// <summary>Records a request, unless nothing about the phone changed and its last contact is recent.</summary>
    public static ImmutableArray<DeviceEvent> Contact(DeviceState state, string deviceType, string protocolVersion, string? userAgent, DateTimeOffset now)
    {
        var unchanged = state.DeviceType == deviceType && state.ProtocolVersion == protocolVersion && state.UserAgent == userAgent;
        if (unchanged && state.LastSeen is { } seen && now - seen < ContactResolution) return [];
        return [new DeviceContacted(now, deviceType, protocolVersion, userAgent)];
    }

    /// <summary>
    /// Checks the policy key a request carries against what the device acknowledged (MS-ASPROV 3.2.5.1). A device
    /// that was provisioned and then sends no key at all, where devices that cannot be provisioned are not allowed,
    /// is <see cref="PolicyVerdict.NotProvisionable"/> (MS-ASPROV 3.1.5.2, 141); a key of 0 says "none yet" and is
    /// <see cref="PolicyVerdict.NotProvisioned"/> (142).
    /// </summary>
    public static PolicyVerdict CheckPolicyKey(DeviceState state, uint? sentKey, string currentPolicyFingerprint, bool allowNonProvisionableDevices)
    {
        if (sentKey is null && state.PolicyKey is not null && !allowNonProvisionableDevices) return PolicyVerdict.NotProvisionable;
        if (sentKey is null or 0) return PolicyVerdict.NotProvisioned;
        if (state.PolicyKey != sentKey) return PolicyVerdict.InvalidPolicyKey;
        return state.PolicyFingerprint == currentPolicyFingerprint ? PolicyVerdict.Allowed : PolicyVerdict.InvalidPolicyKey;
    }

    /// <summary>Phase 1: hand out the policy with a fresh temporary key (MS-ASPROV 3.2.5.1.1).</summary>
    public static ImmutableArray<DeviceEvent> IssuePolicy(uint temporaryKey, string policyFingerprint, DateTimeOffset now)
    {
        if (temporaryKey == 0) throw new ArgumentOutOfRangeException(nameof(temporaryKey), "A policy key is never 0: 0 means 'none'.");
        return [new PolicyKeyIssued(now, temporaryKey, policyFingerprint)];
    }

    /// <summary>
    /// Phase 2: the phone acknowledges the temporary key with how it applied the policy (MS-ASPROV
    /// 2.2.2.54.1: 1 applied, 2 partly, 3 not at all, 4 managed by a third party). A resent acknowledgement
    /// of the key already acknowledged answers the same final key again, so a lost response costs nothing.
    /// </summary>
    public static (AcknowledgeOutcome Outcome, ImmutableArray<DeviceEvent> Events) Acknowledge(
        DeviceState state, uint sentKey, int applyStatus, uint newFinalKey, bool allowNonProvisionable, DateTimeOffset now)
    {
        if (state.AcknowledgedTemporaryKey == sentKey && state.PolicyKey is not null && state.PendingPolicyKey is null)
            return (AcknowledgeOutcome.Acknowledged, []);
        if (state.PendingPolicyKey is null || state.PendingPolicyKey != sentKey)
            return (AcknowledgeOutcome.PolicyKeyMismatch, []);
        if (applyStatus is 2 or 3 && !allowNonProvisionable)
            return (AcknowledgeOutcome.NotFullyProvisionable, []);
        if (applyStatus == 4 && !allowNonProvisionable)
            return (AcknowledgeOutcome.ExternallyManaged, []);
        if (newFinalKey == 0 || newFinalKey == sentKey)
            throw new ArgumentOutOfRangeException(nameof(newFinalKey), "The final key must be new and not 0.");
        return (AcknowledgeOutcome.Acknowledged, [new PolicyAcknowledged(now, newFinalKey, applyStatus)]);
    }

    /// <summary>Records what the phone says about itself.</summary>
    public static ImmutableArray<DeviceEvent> RecordInformation(DeviceState state, DeviceInformation information, DateTimeOffset now) =>
        state.Information == information ? [] : [new DeviceInformationRecorded(now, information)];

    /// <summary>Folds one event into the state.</summary>
    public static DeviceState Apply(DeviceState state, DeviceEvent @event) => @event switch
    {
        DeviceContacted e => state with
        {
            DeviceType = e.DeviceType,
            ProtocolVersion = e.ProtocolVersion,
            UserAgent = e.UserAgent,
            UserAgentChanges = UserAgentRules.Record(state, e),
            FirstSeen = state.FirstSeen ?? e.At,
            LastSeen = e.At,
        },
        PolicyKeyIssued e => state with
        {
            PendingPolicyKey = e.TemporaryKey,
            PendingPolicyFingerprint = e.PolicyFingerprint,
            IssuedKeys = Remember(state.IssuedKeys, e.TemporaryKey),
        },
        PolicyAcknowledged e => state with
        {
            PolicyKey = e.FinalKey,
            PolicyFingerprint = state.PendingPolicyFingerprint,
            AcknowledgedTemporaryKey = state.PendingPolicyKey,
            PendingPolicyKey = null,
            PendingPolicyFingerprint = null,
            PolicyApplyStatus = e.ApplyStatus,
            ProvisionedAt = e.At,
            IssuedKeys = Remember(state.IssuedKeys, e.FinalKey),
        },
        DeviceInformationRecorded e => state with { Information = e.Information },
        HierarchySynced e => state with { Hierarchy = e.State },
        PingParametersSet e => state with { Ping = e.Parameters },
        MessageSent e => state with { SentMessages = RememberSent(state.SentMessages, e.Key) },
        UserAgentBlocked e => state with { UserAgentBlockedUntil = e.Until },
        RemoteWipeRequested or RemoteWipeCancelled or RemoteWipeAcknowledged => RemoteWipeRules.Apply(state, @event),
        DeviceAccessDecided e => state with { AccessDecision = e.Level },
        DeviceAccessChanged e => state with { Access = e.Verdict },
        QuarantineNoticeDelivered e => state with { QuarantineNoticeAt = e.At },
        QuarantineAdminNotified e => state with { QuarantineAdminNoticeAt = e.At },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown device event."),
    };

    /// <summary>Folds events in order.</summary>
    public static DeviceState ApplyAll(DeviceState state, IEnumerable<DeviceEvent> events) => events.Aggregate(state, Apply);

    private static ImmutableList<uint> Remember(ImmutableList<uint> keys, uint key)
    {
        var updated = keys.Add(key);
        return updated.Count > MaxIssuedKeys ? updated.RemoveRange(0, updated.Count - MaxIssuedKeys) : updated;
    }

    private static ImmutableList<string> RememberSent(ImmutableList<string> keys, string key)
    {
        var kept = keys.Remove(key).Add(key);
        return kept.Count > MaxSentMessages ? kept.RemoveRange(0, kept.Count - MaxSentMessages) : kept;
    }
}
