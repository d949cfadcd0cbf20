using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Wire.Commands.Search;

/// <summary>
/// A Search response (MS-ASCMD 2.2.1.16, 2.2.3.159): the overall Status, then Response/Store with the store's Status,
/// its Results, Range and Total. A store without matches carries one empty Result and Total 0.
/// </summary>
/// <param name="Status">The overall status: Success, or ServerError.</param>
public sealed record SearchResponse(SearchStatus Status) : IEasResponse
{
    /// <summary>The store's answer; null writes no Response (a request that failed as a whole).</summary>
    public SearchStoreResult? Store { get; init; }

    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(SearchPage.SearchElement);
        writer.WriteStatus(SearchPage.Status, Status);
        if (Store is { } store)
        {
            writer.StartElement(SearchPage.Response);
            writer.StartElement(SearchPage.Store);
            writer.WriteStatus(SearchPage.Status, store.Status);
            var results = store.Results.IsDefault ? [] : store.Results;
            if (results.IsEmpty && store.Status == SearchStatus.Success) writer.WriteEmptyElement(SearchPage.Result);
            foreach (var result in results) WriteResult(writer, result, version);
            if (store.Range is { } range && !results.IsEmpty) writer.WriteElementString(SearchPage.Range, range.ToString());
            writer.WriteOptional(SearchPage.Total, store.Total);
            writer.EndElement();
            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteResult(WbxmlWriter writer, SearchResult result, ProtocolVersion version)
    {
        writer.StartElement(SearchPage.Result);
        writer.WriteOptional(AirSync.Class, result.Class);
        writer.WriteOptional(SearchPage.LongId, result.LongId);
        writer.WriteOptional(AirSync.CollectionId, result.CollectionId);
        if (result.Properties is { } properties) writer.WriteElement(properties);
        else if (result.Gal is { } gal) WriteGal(writer, gal, version);
        writer.EndElement();
    }

    /// <summary>The GAL properties in MS-ASCMD 2.2.3.78's order; gal:Picture only from 14.1 (2.2.3.135.1).</summary>
    private static void WriteGal(WbxmlWriter writer, SearchGalProperties gal, ProtocolVersion version)
    {
        writer.StartElement(SearchPage.Properties);
        writer.WriteElementString(GAL.DisplayName, gal.DisplayName);
        writer.WriteOptional(GAL.Phone, gal.Phone);
        writer.WriteOptional(GAL.Office, gal.Office);
        writer.WriteOptional(GAL.Title, gal.Title);
        writer.WriteOptional(GAL.Company, gal.Company);
        writer.WriteOptional(GAL.Alias, gal.Alias);
        writer.WriteOptional(GAL.FirstName, gal.FirstName);
        writer.WriteOptional(GAL.LastName, gal.LastName);
        writer.WriteOptional(GAL.HomePhone, gal.HomePhone);
        writer.WriteOptional(GAL.MobilePhone, gal.MobilePhone);
        writer.WriteElementString(GAL.EmailAddress, gal.EmailAddress);
        if (gal.Picture is { } picture && SearchVersionRules.AllowsPicture(version))
        {
            writer.StartElement(GAL.Picture);
            writer.WriteStatus(GAL.Status, picture.Status);
            if (picture.Data is { } data) writer.WriteElementString(GAL.Data, Convert.ToBase64String(data));
            writer.EndElement();
        }

        writer.EndElement();
    }
}

/// <summary>The Store of a Search response (MS-ASCMD 2.2.3.178.3).</summary>
/// <param name="Status">The store's status (2.2.3.177.13).</param>
public sealed record SearchStoreResult(SearchStatus Status)
{
    /// <summary>The matches of the requested range, in order.</summary>
    public ImmutableArray<SearchResult> Results { get; init; } = [];

    /// <summary>The rows returned (search:Range, 2.2.3.143.3); written when there are results.</summary>
    public SearchRange? Range { get; init; }

    /// <summary>How many items matched in all (search:Total, 2.2.3.184.3).</summary>
    public long? Total { get; init; }
}
