using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;
using Eas.Wire.Commands.Find;
using Eas.Wire.Commands.Search;

namespace Eas.Actors.Devices;

/// <summary>
/// Find (MS-ASCMD 2.2.1.2, 16.1): the GAL through <see cref="SearchGal"/> (the directory search, ranges and pictures
/// Search uses), the mailbox through <see cref="MailboxQuery"/> (the IMAP SEARCH Search uses: FreeText words as IMAP
/// TEXT, one folder or, with DeepTraversal, its subfolders too, newest first). Results carry the ServerIds
/// ItemOperations Fetch takes. A Range that does not start at 0 is Status 4 (2.2.3.177.2), a folder the hierarchy does
/// not have FolderSyncRequired, a malformed query InvalidRequest, and a store that is down ServerErrorRetryLater.
/// Read-only: it writes no events.
/// </summary>
internal static class FindCommand
{
    private const string EmailClass = "Email";

    /// <summary>The most characters of find:Preview (MS-ASCMD 2.2.3.137: up to 255).</summary>
    private const int PreviewLength = 255;

    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings)
    {
        var body = (FindRequest)request.Body!;
        var storeName = body.Store == FindStore.GAL ? "GAL" : "Mailbox";
        var store = Validate(body) is { } refused
            ? new FindStoreResult(storeName, refused)
            : body.Store == FindStore.GAL ? await GalAsync(body, request, settings) : await MailboxAsync(body, request, settings);
        return new Decision(new RespondWith(new FindResponse(FindStatus.Success) { Response = store }), []);
    }

    /// <summary>The status a request is refused with before any store is asked, or null.</summary>
    internal static FindStatus? Validate(FindRequest body)
    {
        if (body.Range is { Start: not 0 }) return FindStatus.StartOfRangeNotZero;
        var text = body.FreeText.Trim();
        if (text.Length == 0 || text.Length > FindRequest.MaxFreeTextLength) return FindStatus.InvalidRequest;
        return null;
    }

    private static async Task<FindStoreResult> GalAsync(FindRequest body, DeviceRequest request, DeviceActorSettings settings)
    {
        var asSearch = new SearchRequest(SearchStoreName.GAL, new SearchOptions { Range = body.Range, Picture = body.Picture }) { GalQuery = body.FreeText };
        var found = await SearchGal.RunAsync(asSearch, request.Line.ProtocolVersion, settings.Gal, settings.GalMaxResults);
        var status = found.Status switch
        {
            SearchStatus.Success => FindStatus.Success,
            SearchStatus.ServerError => FindStatus.ServerErrorRetryLater,
            _ => FindStatus.InvalidRequest,
        };
        return new FindStoreResult("GAL", status)
        {
            Results = [.. found.Results.Where(r => r.Gal is not null).Select(r => new FindResult { Gal = r.Gal })],
            Range = found.Range,
            Total = status == FindStatus.Success ? found.Total : null,
        };
    }

    private static async Task<FindStoreResult> MailboxAsync(FindRequest body, DeviceRequest request, DeviceActorSettings settings)
    {
        if (body.Class is { } wanted && !string.Equals(wanted, EmailClass, StringComparison.OrdinalIgnoreCase))
            return new FindStoreResult("Mailbox", FindStatus.Success) { Total = 0 };
        var rows = SearchCommand.RowsOf(new SearchOptions { Range = body.Range }, SearchCommand.MaxRows)!.Value;
        var words = body.FreeText.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
        var spec = new MailboxQuerySpec(body.CollectionId, body.DeepTraversal, new MailSearchQuery(words, null, null));
        var content = new EmailContentRequest(MaxBodyBytes: 4 * PreviewLength, WantHtml: true, WantMime: false);
        MailboxQueryResult found;
        try
        {
            found = await MailboxQuery.RunAsync(request, settings, spec, rows, content);
        }
        catch (MailStoreUnavailableException)
        {
            return new FindStoreResult("Mailbox", FindStatus.ServerErrorRetryLater);
        }

        if (found.Outcome == MailboxQueryOutcome.StoreCannotSearch) return new FindStoreResult("Mailbox", FindStatus.ServerErrorRetryLater);
        if (found.Outcome == MailboxQueryOutcome.FolderNotFound) return new FindStoreResult("Mailbox", FindStatus.FolderSyncRequired);
        var results = found.Page.Select(hit => new FindResult
        {
            Class = EmailClass,
            ServerId = hit.ServerId,
            CollectionId = hit.FolderId,
            Mail = Properties(hit.Email),
        }).ToList();
        return new FindStoreResult("Mailbox", FindStatus.Success)
        {
            Results = [.. results],
            Range = results.Count == 0 ? null : new SearchRange(0, results.Count - 1),
            Total = found.Total,
        };
    }

    /// <summary>find:Properties of a message (MS-ASCMD 2.2.3.139.1) from the same parsed item the email encoder reads.</summary>
    internal static FindMailProperties Properties(FetchedEmail email)
    {
        var item = email.Item;
        return new FindMailProperties
        {
            Subject = item.Subject,
            DateReceived = item.DateReceived,
            DisplayTo = Names(item.To),
            DisplayCc = Names(item.Cc),
            Importance = (int)item.Importance,
            Read = item.Read,
            IsDraft = email.Flags.HasFlag(MessageFlags.Draft),
            Preview = Preview(item),
            HasAttachments = !item.Attachments.IsDefaultOrEmpty,
            From = item.From.IsDefaultOrEmpty ? null : EmailAddress.Join(item.From, ", "),
        };
    }

    private static string? Names(ImmutableArray<EmailAddress> addresses) =>
        addresses.IsDefaultOrEmpty ? null : string.Join("; ", addresses.Select(a => a.DisplayName));

    private static string? Preview(EmailItem item)
    {
        var text = item.PlainText?.Text ?? (item.Html is { } html ? Sync.Email.Reading.HtmlToText.Convert(html.Text) : null);
        if (string.IsNullOrWhiteSpace(text)) return null;
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= PreviewLength ? flat : flat[..PreviewLength];
    }
}
