using MailKit;
using MailKit.Search;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>Mailbox search: UID SEARCH with TEXT, SINCE and BEFORE, then the received times of the matches.</summary>
internal sealed partial class ImapMailSession : IMailSearch
{
    public async Task<IReadOnlyList<(uint Uid, DateTimeOffset Received)>> SearchAsync(string folder, MailSearchQuery query, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: false, cancellationToken);
        if (selected.Count == 0) return [];
        SearchQuery imap = SearchQuery.All;
        foreach (var word in query.Words) imap = imap.And(SearchQuery.MessageContains(word));
        // SINCE and BEFORE compare dates only (RFC 3501 6.4.4): widen to whole days, cut exactly below.
        if (query.ReceivedAfter is { } after) imap = imap.And(SearchQuery.DeliveredAfter(after.UtcDateTime.Date.AddDays(-1)));
        if (query.ReceivedBefore is { } before) imap = imap.And(SearchQuery.DeliveredBefore(before.UtcDateTime.Date.AddDays(2)));
        var uids = await CallAsync("UID SEARCH", () => selected.SearchAsync(imap, cancellationToken));
        if (uids.Count == 0) return [];
        var summaries = await CallAsync("UID FETCH", () => selected.FetchAsync(uids, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate), cancellationToken));
        return [.. summaries
            .Select(m => (m.UniqueId.Id, Received: m.InternalDate ?? DateTimeOffset.UnixEpoch))
            .Where(m => (query.ReceivedAfter is not { } a || m.Received > a) && (query.ReceivedBefore is not { } b || m.Received < b))];
    }
}
