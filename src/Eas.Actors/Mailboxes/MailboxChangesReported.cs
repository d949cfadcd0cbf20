using System.Collections.Immutable;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// The mail server reported that these folders (IMAP names, as the account's watchers name them) changed, at
/// <paramref name="ReportedAt"/>: told to the account's mailbox through the shard region by the webhook endpoint of any
/// node. The mailbox answers parked requests exactly as a watcher's change would; folders nobody watches are ignored,
/// and an account whose mailbox is not running is not woken for it (<see cref="Cluster.AccountEntityActor"/>).
/// </summary>
public sealed record MailboxChangesReported(ImmutableArray<string> FolderNames, DateTimeOffset ReportedAt);
