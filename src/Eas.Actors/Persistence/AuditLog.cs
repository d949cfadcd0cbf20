using System.Text.Json;

namespace Eas.Actors.Persistence;

/// <summary>
/// The deployment's audit log of administrative changes: one append-only stream (kind <c>audit</c>) in the
/// state store, each entry with what changed, who changed it (an admin's name, or <c>license</c>) and when.
/// </summary>
public sealed class AuditLog(IStateStore store)
{
    public const string Kind = "audit";
    public const string Stream = "changes";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Appends one entry; returns once it is durable.</summary>
    public Task<long> RecordAsync(string change, object details, string by, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        store.AppendEventAsync(Kind, Stream, change, JsonSerializer.SerializeToUtf8Bytes(details, details.GetType(), Json), by, at, cancellationToken);

    /// <summary>Entries after <paramref name="afterSequence"/>, oldest first.</summary>
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        store.ReadEventsAsync(Kind, Stream, afterSequence, maxCount, cancellationToken);
}
