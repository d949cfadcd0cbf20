using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Devices.Lists;

/// <summary>A device entered an admin list, or changed while in one: the index keeps this state of it.</summary>
public sealed record DeviceListed(DeviceState Device, DateTimeOffset At) : IPersistedMessage;

/// <summary>A device left every admin list (approved, blocked, wipe acknowledged or cancelled, partnership removed).</summary>
public sealed record DeviceUnlisted(string AccountId, string DeviceId, DateTimeOffset At) : IPersistedMessage;
