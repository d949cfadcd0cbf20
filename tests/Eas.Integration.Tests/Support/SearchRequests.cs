using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using IoPage = Eas.Wire.CodePages.ItemOperations;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Integration.Tests.Support;

/// <summary>Search request bodies as phones send them (MS-ASCMD 2.2.1.16).</summary>
internal static class SearchRequests
{
    /// <summary>A GAL search: Store Name GAL, the query text, Options with Range and, when given, Picture.</summary>
    public static WbxmlElement Gal(string query, string? range = null, long? maxSize = null, int? maxPictures = null, bool picture = false)
    {
        var options = new List<WbxmlElement>();
        if (range is not null) options.Add(WithText(SearchPage.Range, range));
        if (picture || maxSize is not null || maxPictures is not null)
        {
            var limits = new List<WbxmlElement>();
            if (maxSize is { } size) limits.Add(WithText(SearchPage.MaxSize, size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (maxPictures is { } count) limits.Add(WithText(SearchPage.MaxPictures, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            options.Add(WithChildren(SearchPage.Picture, limits));
        }

        return Store("GAL", WithText(SearchPage.Query, query), options);
    }

    /// <summary>A mailbox search: And of Class Email, the folder (when given), FreeText and the date bounds.</summary>
    public static WbxmlElement Mailbox(
        string? freeText = null, string? collectionId = null, DateTime? after = null, DateTime? before = null, string? range = null, bool deep = false, int? bodyType = null)
    {
        var and = new List<WbxmlElement> { WithText(AirSync.Class, "Email") };
        if (collectionId is not null) and.Add(WithText(AirSync.CollectionId, collectionId));
        if (freeText is not null) and.Add(WithText(SearchPage.FreeText, freeText));
        if (after is { } a) and.Add(WithChildren(SearchPage.GreaterThan, new WbxmlElement(Email.DateReceived), WithText(SearchPage.Value, Date(a))));
        if (before is { } b) and.Add(WithChildren(SearchPage.LessThan, new WbxmlElement(Email.DateReceived), WithText(SearchPage.Value, Date(b))));
        var options = new List<WbxmlElement>();
        if (range is not null) options.Add(WithText(SearchPage.Range, range));
        if (deep) options.Add(new WbxmlElement(SearchPage.DeepTraversal));
        if (bodyType is { } type)
            options.Add(WithChildren(AirSyncBase.BodyPreference, WithText(AirSyncBase.Type, type.ToString(System.Globalization.CultureInfo.InvariantCulture)), WithText(AirSyncBase.TruncationSize, "512")));
        return Store("Mailbox", WithChildren(SearchPage.Query, WithChildren(SearchPage.And, and)), options);
    }

    /// <summary>An ItemOperations Fetch of a Search result by its LongId.</summary>
    public static WbxmlElement FetchLongId(string longId) =>
        WithChildren(IoPage.ItemOperationsElement, WithChildren(IoPage.Fetch, WithText(IoPage.Store, "Mailbox"), WithText(SearchPage.LongId, longId)));

    /// <summary>The Store of a response.</summary>
    public static WbxmlElement StoreOf(WbxmlElement response) => response.Element(SearchPage.Response)!.Element(SearchPage.Store)!;

    /// <summary>The non-empty Results of a Store.</summary>
    public static List<WbxmlElement> ResultsOf(WbxmlElement store) => [.. store.Elements(SearchPage.Result).Where(r => r.HasChildren)];

    private static WbxmlElement Store(string name, WbxmlElement query, List<WbxmlElement> options)
    {
        var store = new List<WbxmlElement> { WithText(SearchPage.Name, name), query };
        if (options.Count > 0) store.Add(WithChildren(SearchPage.Options, options));
        return WithChildren(SearchPage.SearchElement, WithChildren(SearchPage.Store, store));
    }

    private static string Date(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
