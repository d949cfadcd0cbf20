using System.Collections.Immutable;
using Eas.Wire.Commands.Provision;

namespace Eas.Actors.Devices;

/// <summary>
/// A wipe an admin ordered for a device (MS-ASPROV 3.2.5.1.2): pending until the phone acknowledges it with
/// RemoteWipe/Status or AccountOnlyRemoteWipe/Status (MS-ASPROV 2.2.2.54.3), then kept, with when and how the
/// phone answered, until an admin removes the partnership.
/// </summary>
/// <param name="AccountOnly">An account-only wipe (AccountOnlyRemoteWipe, MS-ASPROV 2.2.2.1, 16.1 only).</param>
/// <param name="RequestedAt">When the admin ordered it.</param>
/// <param name="RequestedBy">The admin who ordered it.</param>
public sealed record RemoteWipeState(bool AccountOnly, DateTimeOffset RequestedAt, string RequestedBy)
{
    /// <summary>When the phone acknowledged the directive; null while pending.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>What the phone reported (1 wiped, 2 failed, MS-ASPROV 2.2.2.54.3); null while pending.</summary>
    public RemoteWipeAcknowledgement? Status { get; init; }

    public bool Pending => AcknowledgedAt is null;
}

/// <summary>Why an admin's wipe order or cancellation was not taken.</summary>
public enum RemoteWipeRefusal
{
    /// <summary>The account has no such device.</summary>
    UnknownDevice,

    /// <summary>An account-only wipe for a device whose protocol version is below 16.1 (MS-ASPROV 2.2.2.1).</summary>
    AccountOnlyNeeds161,

    /// <summary>The phone already acknowledged the wipe: only removing the partnership is left.</summary>
    AlreadyAcknowledged,

    /// <summary>A cancellation for a device with no pending wipe.</summary>
    NothingPending,
}

/// <summary>How a device's wipe state gates a request.</summary>
public enum RemoteWipeGate
{
    /// <summary>No wipe: the request goes on.</summary>
    None,

    /// <summary>
    /// A wipe is pending: every command but Provision is answered with the status that makes the phone provision
    /// (MS-ASCMD 2.2.2 Status 140 from 14.0, HTTP 449 below), and Provision carries the directive (MS-ASPROV 3.2.5.1.2.1).
    /// </summary>
    Pending,

    /// <summary>The phone acknowledged the wipe: it is refused until an admin removes the partnership.</summary>
    Wiped,
}

/// <summary>The pure rules of remote wipe (MS-ASPROV 3.2.5.1.2, 3.1.5.1.2.2, 3.1.5.1.2.3).</summary>
public static class RemoteWipeRules
{
    /// <summary>The protocol version that introduced AccountOnlyRemoteWipe (MS-ASPROV 2.2.2.1).</summary>
    public static readonly Wire.Http.ProtocolVersion AccountOnlyFrom = Wire.Http.ProtocolVersion.V161;

    /// <summary>An admin orders a wipe; a repeated order of the same kind while pending changes nothing.</summary>
    public static (RemoteWipeRefusal? Refusal, ImmutableArray<DeviceEvent> Events) Request(DeviceState? state, bool accountOnly, string by, DateTimeOffset now)
    {
        if (state is null) return (RemoteWipeRefusal.UnknownDevice, []);
        if (state.RemoteWipe is { Pending: false }) return (RemoteWipeRefusal.AlreadyAcknowledged, []);
        if (accountOnly && !SupportsAccountOnly(state.ProtocolVersion)) return (RemoteWipeRefusal.AccountOnlyNeeds161, []);
        if (state.RemoteWipe is { } pending && pending.AccountOnly == accountOnly) return (null, []);
        return (null, [new RemoteWipeRequested(now, accountOnly, by)]);
    }

    /// <summary>An admin cancels a wipe the phone has not acknowledged yet.</summary>
    public static (RemoteWipeRefusal? Refusal, ImmutableArray<DeviceEvent> Events) Cancel(DeviceState? state, string by, DateTimeOffset now) => state switch
    {
        null => (RemoteWipeRefusal.UnknownDevice, []),
        { RemoteWipe: null } => (RemoteWipeRefusal.NothingPending, []),
        { RemoteWipe.Pending: false } => (RemoteWipeRefusal.AlreadyAcknowledged, []),
        _ => (null, [new RemoteWipeCancelled(now, by)]),
    };

    /// <summary>
    /// The phone acknowledges the directive (MS-ASPROV 3.2.5.1.2.2: the server SHOULD record the status). Only a
    /// pending wipe is acknowledged; an acknowledgement without one, or a second one, records nothing.
    /// </summary>
    public static ImmutableArray<DeviceEvent> Acknowledge(DeviceState state, RemoteWipeAcknowledgement status, DateTimeOffset now) =>
        state.RemoteWipe is { Pending: true } ? [new RemoteWipeAcknowledged(now, status)] : [];

    /// <summary>How the device's wipe state gates a request.</summary>
    public static RemoteWipeGate GateOf(DeviceState state) => state.RemoteWipe switch
    {
        null => RemoteWipeGate.None,
        { Pending: true } => RemoteWipeGate.Pending,
        _ => RemoteWipeGate.Wiped,
    };

    /// <summary>Whether a device last heard with <paramref name="protocolVersion"/> understands AccountOnlyRemoteWipe (16.1).</summary>
    public static bool SupportsAccountOnly(string? protocolVersion) =>
        Wire.Http.ProtocolVersion.TryParse(protocolVersion, out var version) && version >= AccountOnlyFrom;

    /// <summary>Folds a wipe event into the state.</summary>
    public static DeviceState Apply(DeviceState state, DeviceEvent e) => e switch
    {
        RemoteWipeRequested r => state with { RemoteWipe = new RemoteWipeState(r.AccountOnly, r.At, r.By) },
        RemoteWipeCancelled => state with { RemoteWipe = null },
        RemoteWipeAcknowledged a when state.RemoteWipe is { } wipe => state with { RemoteWipe = wipe with { AcknowledgedAt = a.At, Status = a.Status } },
        _ => state,
    };
}
