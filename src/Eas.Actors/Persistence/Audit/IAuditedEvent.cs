using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Persistence.Audit;

/// <summary>
/// A persisted event that is also an entry of the deployment's audit log. The actor that persists it wraps it
/// in <c>Akka.Persistence.Journal.Tagged</c> with <see cref="AuditTag.Name"/>, so the change and its audit entry
/// are one write, and the audit log is read across all entities with the journal's query by that tag.
/// </summary>
public interface IAuditedEvent : IPersistedMessage
{
    /// <summary>What changed, e.g. <c>account.settings</c> or <c>license.slot_granted</c>.</summary>
    string Change { get; }

    /// <summary>Who caused it: an admin's name, or <c>license</c> for the license's own decisions.</summary>
    string By { get; }

    /// <summary>When it happened.</summary>
    DateTimeOffset At { get; }

    /// <summary>The details shown in the audit log (serialized as JSON by the admin API).</summary>
    object Details { get; }
}

/// <summary>The journal tag of audited events.</summary>
public static class AuditTag
{
    public const string Name = "audit";
}
