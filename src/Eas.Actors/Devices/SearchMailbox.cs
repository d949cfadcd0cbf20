using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;
using Eas.Wire.Commands.Search;
using Eas.Wire.Commands.Sync;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Devices;

/// <summary>
/// Search of the mailbox (MS-ASCMD 2.2.1.16, Store Mailbox, 12.0+) over IMAP SEARCH on the account's one command
/// session, in one piece of mailbox work. The query is an And of (or one of) airsync:Class (Email; another class finds
/// nothing here), airsync:CollectionId (the folder, with DeepTraversal its subfolders too; without it every mail folder
/// of the hierarchy), FreeText (each word in the header or body: IMAP TEXT), ConversationId (our ids, from the
/// threading headers, <see cref="EmailConversation"/>), and GreaterThan/LessThan of email:DateReceived (SINCE/BEFORE,
/// the exact time cut after). Results are newest first; each carries Class Email, LongId (the item's ServerId, which
/// ItemOperations Fetch and SmartReply/SmartForward accept), its CollectionId and Properties built by the email
/// encoder with the request's body preferences. Nothing is cached between searches, so every Search runs afresh and
/// RebuildResults asks nothing more. Or and EqualTo (a document library's) are not mailbox queries: Status 2.
/// </summary>
internal static class SearchMailbox
{
    private const string EmailClass = "Email";

    public static async Task<SearchStoreResult> RunAsync(SearchRequest body, DeviceRequest request, DeviceActorSettings settings)
    {
        if (Plan.From(body.Criteria) is not { } plan) return new SearchStoreResult(SearchStatus.InvalidRequest);
        if (SearchCommand.RowsOf(body.Options, SearchCommand.MaxRows) is not { } rows) return new SearchStoreResult(SearchStatus.EndOfRetrievableRange);
        if (plan.Class is { } wanted && !string.Equals(wanted, EmailClass, StringComparison.OrdinalIgnoreCase))
            return new SearchStoreResult(SearchStatus.Success) { Total = 0 };
        var syncOptions = new SyncOptions { BodyPreferences = body.Options.BodyPreferences, BodyPartPreferences = body.Options.BodyPartPreferences, MimeSupport = body.Options.MimeSupport };
        var encoding = EmailEncodingOptions.ForSync(request.Line.ProtocolVersion, syncOptions, Sync.Email.Reading.HtmlToText.Convert);
        var content = SyncCollectionRunner.ContentFor(syncOptions);
        var found = await MailboxQuery.RunAsync(request, settings, new MailboxQuerySpec(plan.CollectionId, body.Options.DeepTraversal, plan.Query, plan.ConversationId), rows, content);
        if (found.Outcome == MailboxQueryOutcome.StoreCannotSearch) return new SearchStoreResult(SearchStatus.ServerError);
        if (found.Outcome == MailboxQueryOutcome.FolderNotFound) return new SearchStoreResult(SearchStatus.NotFound);
        var results = found.Page.Select(hit => new SearchResult
        {
            Class = EmailClass,
            LongId = hit.ServerId,
            CollectionId = hit.FolderId,
            Properties = EmailApplicationData.BuildSearchProperties(hit.Email.Item, encoding),
        }).ToList();
        return new SearchStoreResult(SearchStatus.Success)
        {
            Results = [.. results],
            Range = results.Count == 0 ? null : new SearchRange(rows.Start, rows.Start + results.Count - 1),
            Total = found.Total,
        };
    }

    /// <summary>A mailbox query flattened: the folder, the class, and what IMAP and the conversation filter look for.</summary>
    private sealed record Plan(string? CollectionId, string? Class, MailSearchQuery Query, byte[]? ConversationId)
    {
        /// <summary>The plan of a query, or null when it is not a mailbox query this server answers (Status 2).</summary>
        public static Plan? From(SearchCriterion? root)
        {
            if (root is null) return null;
            var leaves = root.Kind == SearchCriterionKind.And ? root.Children : [root];
            string? collectionId = null, folderClass = null;
            byte[]? conversation = null;
            DateTimeOffset? after = null, before = null;
            var words = ImmutableArray.CreateBuilder<string>();
            foreach (var leaf in leaves)
            {
                switch (leaf.Kind)
                {
                    case SearchCriterionKind.CollectionId:
                        collectionId = leaf.Value;
                        break;
                    case SearchCriterionKind.Class:
                        folderClass = leaf.Value;
                        break;
                    case SearchCriterionKind.FreeText:
                        words.AddRange((leaf.Value ?? "").Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
                        break;
                    case SearchCriterionKind.ConversationId:
                        conversation = Convert.FromBase64String(leaf.Value!);
                        break;
                    case SearchCriterionKind.GreaterThan when leaf.Property == EmailPage.DateReceived && Date(leaf.Value) is { } date:
                        after = date;
                        break;
                    case SearchCriterionKind.LessThan when leaf.Property == EmailPage.DateReceived && Date(leaf.Value) is { } date:
                        before = date;
                        break;
                    default:
                        return null;
                }
            }

            return new Plan(collectionId, folderClass, new MailSearchQuery(words.ToImmutable(), after, before), conversation);
        }

        /// <summary>An MS-ASDTYPE 2.3 date-time (<c>2025-06-01T08:00:00.000Z</c>).</summary>
        private static DateTimeOffset? Date(string? text) =>
            DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
    }
}
