using Eas.Wire.Commands.Search;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using AirSyncPage = Eas.Wire.CodePages.AirSync;
using FindPage = Eas.Wire.CodePages.Find;

namespace Eas.Wire.Commands.Find;

/// <summary>Which store a Find searches: the mailbox (find:MailBoxSearchCriterion) or the GAL (find:GALSearchCriterion).</summary>
public enum FindStore
{
    /// <summary>The user's mailbox (MS-ASCMD 2.2.3.104).</summary>
    Mailbox,

    /// <summary>The global address list (MS-ASCMD 2.2.3.77).</summary>
    GAL,
}

/// <summary>
/// A Find request (MS-ASCMD 2.2.1.2, 16.1 only): find:SearchId (2.2.3.160) and find:ExecuteSearch (2.2.3.66) with one
/// criterion: MailBoxSearchCriterion (Query with FreeText, airsync:Class, airsync:CollectionId; Options with Range and
/// DeepTraversal) or GALSearchCriterion (Query with FreeText; Options with Range and Picture).
/// </summary>
/// <param name="SearchId">The client's id of this search, echoed nowhere (2.2.3.160).</param>
/// <param name="Store">The store the criterion names.</param>
public sealed record FindRequest(string SearchId, FindStore Store)
{
    /// <summary>The longest FreeText taken; a longer query is <see cref="FindStatus.InvalidRequest"/>.</summary>
    public const int MaxFreeTextLength = 256;

    /// <summary>find:FreeText (2.2.3.74): the words searched for; empty when the query has none.</summary>
    public string FreeText { get; init; } = "";

    /// <summary>airsync:Class of a mailbox query (2.2.3.27): Email is the class this server finds.</summary>
    public string? Class { get; init; }

    /// <summary>airsync:CollectionId of a mailbox query (2.2.3.30): the folder searched; null for every mail folder.</summary>
    public string? CollectionId { get; init; }

    /// <summary>find:Range (2.2.3.143.1); null takes the server's default (0-99).</summary>
    public SearchRange? Range { get; init; }

    /// <summary>find:DeepTraversal (2.2.3.43.1): the folder's subfolders are searched too.</summary>
    public bool DeepTraversal { get; init; }

    /// <summary>find:Picture of a GAL query (2.2.3.135.2): MaxSize and MaxPictures; null asks for no pictures.</summary>
    public SearchPictureOptions? Picture { get; init; }

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a Find request.</exception>
    public static FindRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var reader = new RequestReader(EasCommand.Find, version);
        reader.ExpectRoot(root, FindPage.FindElement);
        string? searchId = null;
        FindRequest? request = null;
        foreach (var child in root.Children)
        {
            switch (child.Tag)
            {
                case FindPage.SearchId:
                    reader.Once(ref searchId, child, reader.NonEmptyText(child, 256));
                    break;
                case FindPage.ExecuteSearch:
                    reader.Once(ref request, child, ReadExecuteSearch(reader, child));
                    break;
                default:
                    throw reader.Unexpected(root, child);
            }
        }

        if (searchId is null) throw reader.Missing(root, FindPage.SearchId);
        return (request ?? throw reader.Missing(root, FindPage.ExecuteSearch)) with { SearchId = searchId };
    }

    private static FindRequest ReadExecuteSearch(in RequestReader reader, WbxmlElement execute)
    {
        FindRequest? request = null;
        foreach (var child in reader.NonEmptyContainer(execute).Children)
        {
            var store = child.Tag switch
            {
                FindPage.MailBoxSearchCriterion => FindStore.Mailbox,
                FindPage.GALSearchCriterion => FindStore.GAL,
                _ => throw reader.Unexpected(execute, child),
            };
            reader.Once(ref request, child, ReadCriterion(reader, child, store));
        }

        return request ?? throw reader.Missing(execute, FindPage.MailBoxSearchCriterion);
    }

    private static FindRequest ReadCriterion(in RequestReader reader, WbxmlElement criterion, FindStore store)
    {
        var request = new FindRequest("", store);
        var sawQuery = false;
        foreach (var child in reader.NonEmptyContainer(criterion).Children)
        {
            switch (child.Tag)
            {
                case FindPage.Query when !sawQuery:
                    sawQuery = true;
                    request = ReadQuery(reader, child, request);
                    break;
                case FindPage.Options:
                    request = ReadOptions(reader, child, request);
                    break;
                default:
                    throw reader.Unexpected(criterion, child);
            }
        }

        return sawQuery ? request : throw reader.Missing(criterion, FindPage.Query);
    }

    private static FindRequest ReadQuery(in RequestReader reader, WbxmlElement query, FindRequest request)
    {
        foreach (var child in query.Children)
        {
            request = child.Tag switch
            {
                FindPage.FreeText => request with { FreeText = reader.Text(child) },
                AirSyncPage.Class when request.Store == FindStore.Mailbox => request with { Class = reader.NonEmptyText(child, 32) },
                AirSyncPage.CollectionId when request.Store == FindStore.Mailbox => request with { CollectionId = reader.NonEmptyText(child, 64) },
                _ => throw reader.Unexpected(query, child),
            };
        }

        return request;
    }

    private static FindRequest ReadOptions(in RequestReader reader, WbxmlElement options, FindRequest request)
    {
        foreach (var child in options.Children)
        {
            switch (child.Tag)
            {
                case FindPage.Range:
                    var text = reader.NonEmptyText(child, 32);
                    if (!SearchRange.TryParse(text, out var range)) throw reader.Fail(FindPage.Range, $"find:Range '{RequestValues.Quote(text)}' is not m-n");
                    request = request with { Range = range };
                    break;
                case FindPage.DeepTraversal when request.Store == FindStore.Mailbox:
                    reader.Empty(child);
                    request = request with { DeepTraversal = true };
                    break;
                case FindPage.Picture when request.Store == FindStore.GAL:
                    request = request with { Picture = ReadPicture(reader, child) };
                    break;
                default:
                    throw reader.Unexpected(options, child);
            }
        }

        return request;
    }

    private static SearchPictureOptions ReadPicture(in RequestReader reader, WbxmlElement picture)
    {
        long? maxSize = null;
        int? maxPictures = null;
        foreach (var child in picture.Children)
        {
            switch (child.Tag)
            {
                case FindPage.MaxSize:
                    maxSize = reader.Number(child, 0, long.MaxValue);
                    break;
                case FindPage.MaxPictures:
                    maxPictures = reader.Int(child);
                    break;
                default:
                    throw reader.Unexpected(picture, child);
            }
        }

        return new SearchPictureOptions(maxSize, maxPictures);
    }
}
