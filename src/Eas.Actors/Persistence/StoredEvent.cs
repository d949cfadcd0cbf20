namespace Eas.Actors.Persistence;

/// <summary>
/// One entry of the append-only audit log. <see cref="Sequence"/> is unique and increasing across the store;
/// <see cref="Actor"/> says who caused the event (a user, an admin, <c>system</c>).
/// </summary>
public sealed record StoredEvent(
    long Sequence,
    string Kind,
    string Id,
    string EventType,
    byte[] Data,
    string Actor,
    DateTimeOffset Timestamp);
