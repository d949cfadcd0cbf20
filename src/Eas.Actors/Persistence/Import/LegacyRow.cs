namespace Eas.Actors.Persistence.Import;

/// <summary>
/// One live row of the <c>state</c> table of the pre-Akka store (<c>eas-state.db</c>): the entity's kind, its id and
/// its state as the old <c>JsonEntityStore</c> wrote it (System.Text.Json, web defaults: camelCase names, enums as
/// numbers). Rows whose data was NULL were tombstones of deleted states and are never read.
/// </summary>
public sealed record LegacyRow(string Kind, string Id, byte[] Data);
