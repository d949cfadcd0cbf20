using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Wire.Commands.Search;

/// <summary>Which store a Search looks in (search:Name, MS-ASCMD 2.2.3.110.2).</summary>
public enum SearchStoreName
{
    /// <summary>The global address list.</summary>
    GAL,

    /// <summary>The user's mailbox, 12.0+.</summary>
    Mailbox,

    /// <summary>A Windows SharePoint Services or UNC document library, 12.0+; this server has none.</summary>
    DocumentLibrary,
}

/// <summary>
/// A Search request (MS-ASCMD 2.2.1.16): one Store with its Name, Query and Options. A GAL query is text
/// (<see cref="GalQuery"/>); a mailbox or document library query is an element tree (<see cref="Criteria"/>).
/// </summary>
/// <param name="Store">The store searched.</param>
/// <param name="Options">The options; an empty record when the request has none.</param>
public sealed record SearchRequest(SearchStoreName Store, SearchOptions Options)
{
    /// <summary>The longest GAL query text taken; a longer one is <see cref="SearchStatus.TooComplex"/> (Exchange caps its ANR text the same way).</summary>
    public const int MaxGalQueryLength = 256;

    /// <summary>The GAL query text (search:Query's value, 2.2.3.147.1); null for other stores.</summary>
    public string? GalQuery { get; init; }

    /// <summary>The mailbox query (search:Query's children, 2.2.3.147.2); null for the GAL.</summary>
    public SearchCriterion? Criteria { get; init; }

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a Search request for this version.</exception>
    public static SearchRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var reader = new RequestReader(EasCommand.Search, version);
        reader.ExpectRoot(root, SearchPage.SearchElement);
        SearchRequest? request = null;
        foreach (var child in root.Children)
        {
            if (child.Tag != SearchPage.Store) throw reader.Unexpected(root, child);
            reader.Once(ref request, child, ReadStore(reader, child));
        }

        return request ?? throw reader.Missing(root, SearchPage.Store);
    }

    private static SearchRequest ReadStore(in RequestReader reader, WbxmlElement store)
    {
        string? name = null;
        WbxmlElement? query = null;
        SearchOptions? options = null;
        foreach (var child in reader.NonEmptyContainer(store).Children)
        {
            switch (child.Tag)
            {
                case SearchPage.Name:
                    reader.Once(ref name, child, reader.NonEmptyText(child, 32));
                    break;
                case SearchPage.Query:
                    reader.Once(ref query, child, child);
                    break;
                case SearchPage.Options:
                    reader.Once(ref options, child, SearchQueryReader.ReadOptions(reader, child));
                    break;
                default:
                    throw reader.Unexpected(store, child);
            }
        }

        if (name is null) throw reader.Missing(store, SearchPage.Name);
        if (query is null) throw reader.Missing(store, SearchPage.Query);
        var storeName = ParseName(reader, name);
        var request = new SearchRequest(storeName, options ?? new SearchOptions());
        return storeName == SearchStoreName.GAL
            ? request with { GalQuery = reader.Text(query) }
            : request with { Criteria = SearchQueryReader.ReadQuery(reader, query) };
    }

    private static SearchStoreName ParseName(in RequestReader reader, string name)
    {
        if (string.Equals(name, "GAL", StringComparison.OrdinalIgnoreCase)) return SearchStoreName.GAL;
        var store = string.Equals(name, "Mailbox", StringComparison.OrdinalIgnoreCase) ? SearchStoreName.Mailbox
            : string.Equals(name, "DocumentLibrary", StringComparison.OrdinalIgnoreCase) ? SearchStoreName.DocumentLibrary
            : throw reader.Fail(SearchPage.Name, $"search:Name is '{RequestValues.Quote(name)}', not GAL, Mailbox or DocumentLibrary");
        reader.RequireVersion(SearchVersionRules.AllowsMailboxStores(reader.Version), new WbxmlElement(SearchPage.Name), "MS-ASCMD 2.2.3.110.2");
        return store;
    }
}
