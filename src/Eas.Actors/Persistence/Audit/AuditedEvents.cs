using System.Collections.Immutable;
using Akka.Persistence.Journal;

namespace Eas.Actors.Persistence.Audit;

/// <summary>How an actor persists an <see cref="IAuditedEvent"/> so that <see cref="AuditReader"/> finds it.</summary>
public static class AuditedEvents
{
    private static readonly ImmutableHashSet<string> Tags = [AuditTag.Name];

    /// <summary>
    /// The event wrapped for <c>Persist</c>: Akka.Persistence.Sql writes the payload to the journal and the tag to its
    /// tag table in one transaction, and recovery hands back the bare event. The persist handler gets the
    /// <see cref="Tagged"/> itself, so handlers usually close over the event instead of unwrapping it.
    /// </summary>
    public static Tagged Tagged(IAuditedEvent e) => new(e, Tags);
}
