using Eas.Actors.Accounts;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.Search;

namespace Eas.Actors.Devices;

/// <summary>How a <see cref="MailboxQuery"/> ended: ran, the folder named is unknown, or the store cannot search.</summary>
internal enum MailboxQueryOutcome
{
    Ran,
    FolderNotFound,
    StoreCannotSearch,
}

/// <summary>One match of a mailbox query: the folder's ServerId and the fetched message.</summary>
internal sealed record MailboxHit(string FolderId, FetchedEmail Email)
{
    /// <summary>The item's ServerId (what Search's LongId and Find's ServerId carry, and ItemOperations Fetch takes).</summary>
    public string ServerId => ServerIds.Of(FolderId, Email.Uid);
}

/// <summary>The page of a mailbox query: its matches newest first, and how many matched in all.</summary>
internal sealed record MailboxQueryResult(MailboxQueryOutcome Outcome, IReadOnlyList<MailboxHit> Page, int Total);

/// <summary>What a mailbox query looks for: the folder (with its subfolders when deep), IMAP SEARCH terms, a conversation.</summary>
internal sealed record MailboxQuerySpec(string? CollectionId, bool DeepTraversal, MailSearchQuery Query, byte[]? ConversationId = null);

/// <summary>
/// The mailbox query Search (MS-ASCMD 2.2.1.16) and Find (2.2.1.2) share: IMAP SEARCH over the visible mail folders
/// (one, with DeepTraversal its subfolders too, or all), matches ordered newest first, the requested rows fetched.
/// </summary>
internal static class MailboxQuery
{
    public static Task<MailboxQueryResult> RunAsync(
        DeviceRequest request, DeviceActorSettings settings, MailboxQuerySpec spec, SearchRange rows, EmailContentRequest content) =>
        MailboxWork.RunAsync(request, settings, async context =>
        {
            if (context.Session is not IMailSearch search) return new MailboxQueryResult(MailboxQueryOutcome.StoreCannotSearch, [], 0);
            var listed = await context.RefreshFoldersAsync();
            var views = MailboxWork.VisibleFolders(request, context, listed);
            var selectable = listed.Where(f => f.Selectable).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var mail = views.Where(v => DataClasses.Of(v.Type) == DataClass.Email && context.Folders.NameOf(v.ServerId) is { } n && selectable.Contains(n)).ToList();
            if (!request.Features.Allows(DataClass.Email)) mail = [];
            if (spec.CollectionId is { } id)
            {
                if (mail.All(v => v.ServerId != id)) return new MailboxQueryResult(MailboxQueryOutcome.FolderNotFound, [], 0);
                mail = [.. mail.Where(v => v.ServerId == id || (spec.DeepTraversal && IsBelow(v, id, views)))];
            }

            var hits = new List<(string FolderId, string Name, uint Uid, DateTimeOffset Received)>();
            foreach (var folder in mail)
            {
                var name = context.Folders.NameOf(folder.ServerId)!;
                var found = await search.SearchAsync(name, spec.Query, context.CancellationToken);
                if (spec.ConversationId is { } conversation && found.Count > 0)
                {
                    var inThread = (await context.Session.ListHeadersAsync(name, context.CancellationToken))
                        .Where(h => EmailConversation.ConversationId(h.Headers).AsSpan().SequenceEqual(conversation)).Select(h => h.Uid).ToHashSet();
                    found = [.. found.Where(f => inThread.Contains(f.Uid))];
                }

                hits.AddRange(found.Select(f => (folder.ServerId, name, f.Uid, f.Received)));
            }

            var ordered = hits.OrderByDescending(h => h.Received).ThenByDescending(h => h.Uid).ToList();
            var page = ordered.Skip(rows.Start).Take(rows.End - rows.Start + 1).ToList();
            var results = new List<MailboxHit>(page.Count);
            foreach (var group in page.GroupBy(h => (h.FolderId, h.Name)))
            {
                var fetched = await context.Session.FetchEmailsAsync(group.Key.Name, [.. group.Select(h => h.Uid)], content, context.CancellationToken);
                results.AddRange(fetched.Select(email => new MailboxHit(group.Key.FolderId, email with { Item = FileReferences.Qualify(email.Item, group.Key.FolderId, email.Uid) })));
            }

            var order = page.Select((h, i) => (Key: ServerIds.Of(h.FolderId, h.Uid), i)).ToDictionary(p => p.Key, p => p.i);
            results.Sort((a, b) => order[a.ServerId].CompareTo(order[b.ServerId]));
            return new MailboxQueryResult(MailboxQueryOutcome.Ran, results, ordered.Count);
        });

    /// <summary>Whether <paramref name="folder"/> is a descendant of the folder <paramref name="ancestorId"/>.</summary>
    private static bool IsBelow(FolderView folder, string ancestorId, IReadOnlyList<FolderView> views)
    {
        var byId = views.ToDictionary(v => v.ServerId);
        var parent = folder.ParentId;
        for (var depth = 0; depth < 64 && parent != "0" && byId.TryGetValue(parent, out var up); depth++)
        {
            if (up.ServerId == ancestorId) return true;
            parent = up.ParentId;
        }

        return false;
    }
}
