using System.Text.Json;

namespace Eas.Actors.Persistence.Audit;

/// <summary>One entry of the audit log.</summary>
/// <param name="Sequence">The journal's global ordering of the event: unique and increasing across all streams, the paging key of <see cref="AuditReader.ReadAsync"/>.</param>
/// <param name="At">When it happened.</param>
/// <param name="By">Who caused it: an admin's name, or <c>license</c>.</param>
/// <param name="Change">What changed, e.g. <c>directory.SetServiceEnabled</c>.</param>
/// <param name="Details">The event's details as JSON (camelCase).</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset At, string By, string Change, JsonElement Details);
