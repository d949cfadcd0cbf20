using System.Globalization;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Messages;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// Changing and removing messages of the selected mailbox: UID STORE (RFC 3501 section 6.4.6) with
/// UNCHANGEDSINCE (RFC 7162 section 3.1.3), EXPUNGE (RFC 3501 section 6.4.3) and UID EXPUNGE (RFC 4315 section 2.1).
/// </summary>
public sealed partial class ImapClient
{
    /// <summary>
    /// Adds, removes or replaces flags (<c>\Seen</c>, <c>\Flagged</c>, <c>\Deleted</c>, <c>\Answered</c>,
    /// <c>\Draft</c>, keywords such as <c>$Forwarded</c>) on the messages in <paramref name="uids"/>. With
    /// <paramref name="unchangedSince"/> (needs CONDSTORE) only messages whose mod-sequence is not above it are
    /// changed, and the others come back in <see cref="ImapStoreResult.Modified"/>: the caller's view is stale
    /// for them. <paramref name="silent"/> asks the server not to echo the new flags (<c>.SILENT</c>).
    /// </summary>
    public Task<ImapStoreResult> StoreFlagsAsync(
        UidSet uids, ImapFlagChange change, IEnumerable<string> flags, ulong? unchangedSince = null, bool silent = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(flags);
        var flagList = flags.ToArray();
        if (uids.IsEmpty) throw new ArgumentException("IMAP cannot express an empty UID set.", nameof(uids));
        return RunAsync("UID STORE", _options.CommandTimeout,
            token => StoreCoreAsync(uids, change, flagList, unchangedSince, silent, token), cancellationToken);
    }

    /// <summary>
    /// EXPUNGE: permanently removes every message marked \Deleted in the selected mailbox, whoever marked it.
    /// The server's EXPUNGE or VANISHED responses are queued as mailbox events.
    /// </summary>
    public Task ExpungeAsync(CancellationToken cancellationToken = default) =>
        RunAsync("EXPUNGE", _options.CommandTimeout, async token =>
        {
            RequireSelected("EXPUNGE");
            await RunCommandAsync(Command("EXPUNGE").Build(), null, token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// UID EXPUNGE (RFC 4315 section 2.1): removes only those of <paramref name="uids"/> that are marked
    /// \Deleted, leaving other clients' \Deleted messages alone. Needs UIDPLUS.
    /// </summary>
    public Task UidExpungeAsync(UidSet uids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uids);
        if (uids.IsEmpty) throw new ArgumentException("IMAP cannot express an empty UID set.", nameof(uids));
        return RunAsync("UID EXPUNGE", _options.CommandTimeout, token => UidExpungeCoreAsync(uids, token), cancellationToken);
    }

    private async Task<ImapStoreResult> StoreCoreAsync(
        UidSet uids, ImapFlagChange change, string[] flags, ulong? unchangedSince, bool silent, CancellationToken cancellationToken)
    {
        RequireSelected("UID STORE");
        var builder = Command("UID STORE").Atom(uids.ToString());
        if (unchangedSince is { } modSeq)
        {
            RequireCapability("CONDSTORE", "STORE UNCHANGEDSINCE");
            builder.Raw(string.Create(CultureInfo.InvariantCulture, $"(UNCHANGEDSINCE {modSeq})"));
            _condStoreUsed = true;
        }

        var item = change switch
        {
            ImapFlagChange.Add => "+FLAGS",
            ImapFlagChange.Remove => "-FLAGS",
            ImapFlagChange.Replace => "FLAGS",
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
        builder.Atom(silent ? item + ".SILENT" : item).BeginList();
        foreach (var flag in flags) builder.Atom(flag);
        builder.EndList();

        var collector = new FetchResultCollector(uids);
        var completion = await RunCommandAsync(builder.Build(), collector.Accept, cancellationToken).ConfigureAwait(false);
        var modified = completion.Code is { Name: "MODIFIED", Arguments: { } set }
            ? ImapData.ParseUidSet(set.Trim(), "the MODIFIED UIDs")
            : UidSet.Empty;
        return new ImapStoreResult(collector.Messages(), modified);
    }

    private async Task UidExpungeCoreAsync(UidSet uids, CancellationToken cancellationToken)
    {
        RequireSelected("UID EXPUNGE");
        RequireCapability("UIDPLUS", "UID EXPUNGE");
        await RunCommandAsync(Command("UID EXPUNGE").Atom(uids.ToString()).Build(), null, cancellationToken).ConfigureAwait(false);
    }
}
