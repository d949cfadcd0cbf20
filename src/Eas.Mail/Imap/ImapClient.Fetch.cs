using System.Globalization;
using Eas.Mail.Imap.Fetch;

namespace Eas.Mail.Imap;

/// <summary>
/// UID FETCH of message summaries (RFC 3501 sections 6.4.5 and 6.4.8), and of what changed since a
/// mod-sequence with CHANGEDSINCE and VANISHED (RFC 7162 sections 3.1.4 and 3.2.6).
/// </summary>
public sealed partial class ImapClient
{
    /// <summary>
    /// Fetches the requested items of the messages in <paramref name="uids"/> of the selected mailbox, in
    /// ascending UID order. UIDs that do not exist (any more) are simply absent. <c>n:*</c> with n above the
    /// highest UID makes the server return the highest message anyway (RFC 3501 section 6.4.8); being outside
    /// the set, it is not a result but a mailbox event. Unsolicited FETCH, EXPUNGE, VANISHED and EXISTS
    /// responses meanwhile are queued as mailbox events.
    /// </summary>
    public Task<IReadOnlyList<FetchedMessage>> FetchAsync(
        UidSet uids, ImapFetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync("UID FETCH", _options.CommandTimeout, async token =>
        {
            if (uids.IsEmpty) return (IReadOnlyList<FetchedMessage>)[];
            var collector = await FetchCoreAsync(uids, request, null, vanished: false, token).ConfigureAwait(false);
            return collector.Messages();
        }, cancellationToken);
    }

    /// <summary>
    /// Fetches what changed since <paramref name="changedSince"/> among <paramref name="uids"/> (usually
    /// <see cref="UidSet.All"/>): <c>UID FETCH uids (items) (CHANGEDSINCE m VANISHED)</c>. Needs CONDSTORE;
    /// expunged UIDs are reported only when QRESYNC is enabled (<see cref="EnableChangeTrackingAsync"/>),
    /// otherwise <see cref="ImapFetchChanges.Vanished"/> is null. Pass the HIGHESTMODSEQ of the last sync.
    /// </summary>
    public Task<ImapFetchChanges> FetchChangesAsync(
        UidSet uids, ulong changedSince, ImapFetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync("UID FETCH", _options.CommandTimeout, async token =>
        {
            RequireCapability("CONDSTORE", "FETCH CHANGEDSINCE");
            var vanished = _enabled.Contains("QRESYNC");
            if (uids.IsEmpty) return new ImapFetchChanges([], vanished ? UidSet.Empty : null);
            var collector = await FetchCoreAsync(uids, request, changedSince, vanished, token).ConfigureAwait(false);
            return new ImapFetchChanges(collector.Messages(), vanished ? collector.Vanished : null);
        }, cancellationToken);
    }

    private async Task<FetchResultCollector> FetchCoreAsync(
        UidSet uids, ImapFetchRequest request, ulong? changedSince, bool vanished, CancellationToken cancellationToken)
    {
        RequireSelected("UID FETCH");
        var builder = Command("UID FETCH").Atom(uids.ToString()).Raw(request.ToSyntax(Capabilities));
        if (changedSince is { } modSeq)
        {
            builder.Raw(string.Create(CultureInfo.InvariantCulture, $"(CHANGEDSINCE {modSeq}{(vanished ? " VANISHED" : "")})"));
            _condStoreUsed = true;
        }

        if (request.UsesModSeq(Capabilities)) _condStoreUsed = true;
        var collector = new FetchResultCollector(uids);
        await RunCommandAsync(builder.Build(), collector.Accept, cancellationToken).ConfigureAwait(false);
        return collector;
    }
}
