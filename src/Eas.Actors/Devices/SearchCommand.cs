using Eas.Mail.Gal;
using Eas.Wire.Commands.Search;

namespace Eas.Actors.Devices;

/// <summary>
/// Search (MS-ASCMD 2.2.1.16): the GAL through <see cref="DeviceActorSettings.Gal"/> (<see cref="SearchGal"/>), the
/// mailbox over IMAP SEARCH on the account's one command session (<see cref="SearchMailbox"/>). Read-only: it writes
/// no events. A document library is not offered by this server: Store Status BadLink, as for a link it cannot reach.
/// </summary>
internal static class SearchCommand
{
    /// <summary>The most rows one Search returns, and the end of the retrievable range (MS-ASCMD 2.2.3.143.3: GAL and Mailbox both 100).</summary>
    public const int MaxRows = 100;

    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings)
    {
        var body = (SearchRequest)request.Body!;
        var store = body.Store switch
        {
            SearchStoreName.GAL => await SearchGal.RunAsync(body, request.Line.ProtocolVersion, settings.Gal, settings.GalMaxResults),
            SearchStoreName.Mailbox => await SearchMailbox.RunAsync(body, request, settings),
            _ => new SearchStoreResult(SearchStatus.BadLink),
        };
        return new Decision(new RespondWith(new SearchResponse(SearchStatus.Success) { Store = store }), []);
    }

    /// <summary>
    /// The rows to return: the request's Range (default 0-99, MS-ASCMD 2.2.3.143.3) cut at <paramref name="max"/> rows;
    /// null when it starts at or past the end of the retrievable range (Status 12).
    /// </summary>
    public static SearchRange? RowsOf(SearchOptions options, int max)
    {
        var asked = options.Range ?? new SearchRange(0, max - 1);
        if (asked.Start >= max) return null;
        return asked with { End = Math.Min(asked.End, max - 1) };
    }
}

/// <summary>Search of the GAL (MS-ASCMD 2.2.1.16, 3.1.5.x; properties 2.2.3.78).</summary>
internal static class SearchGal
{
    public static async Task<SearchStoreResult> RunAsync(SearchRequest body, Wire.Http.ProtocolVersion version, IGalDirectory? directory, int maxResults)
    {
        var query = body.GalQuery?.Trim() ?? "";
        if (query.Length == 0) return new SearchStoreResult(SearchStatus.InvalidRequest);
        if (query.Length > SearchRequest.MaxGalQueryLength) return new SearchStoreResult(SearchStatus.TooComplex);
        if (directory is null) return new SearchStoreResult(SearchStatus.ServerError);
        var max = Math.Min(maxResults, SearchCommand.MaxRows);
        if (SearchCommand.RowsOf(body.Options, max) is not { } rows) return new SearchStoreResult(SearchStatus.EndOfRetrievableRange);
        var pictures = body.Options.Picture is not null && SearchVersionRules.AllowsPicture(version);
        GalSearchResult found;
        try
        {
            found = await directory.SearchAsync(query, rows.End + 1, new GalSearchOptions(WithPictures: pictures), CancellationToken.None);
        }
        catch (DirectoryUnavailableException)
        {
            return new SearchStoreResult(SearchStatus.ServerError);
        }

        var page = found.Entries.Skip(rows.Start).ToList();
        var pictureBudget = new PictureBudget(body.Options.Picture);
        var results = page.Select(entry => new SearchResult { Gal = Properties(entry, pictures ? pictureBudget.Next(entry.Picture) : null) }).ToList();
        return new SearchStoreResult(SearchStatus.Success)
        {
            Results = [.. results],
            Range = results.Count == 0 ? null : new SearchRange(rows.Start, rows.Start + results.Count - 1),
            Total = Math.Max(found.Total, found.Entries.Count),
        };
    }

    private static SearchGalProperties Properties(GalEntry entry, SearchGalPicture? picture) => new(entry.DisplayName, entry.EmailAddress)
    {
        Phone = entry.Phone,
        Office = entry.Office,
        Title = entry.Title,
        Company = entry.Company,
        Alias = entry.Alias,
        FirstName = entry.FirstName,
        LastName = entry.LastName,
        HomePhone = entry.HomePhone,
        MobilePhone = entry.MobilePhone,
        Picture = picture,
    };

    /// <summary>
    /// The pictures of one response (MS-ASCMD 2.2.3.135.3): an entry without one is NoPicture (173), one over MaxSize
    /// PictureTooLarge (174), and once MaxPictures pictures went out every further one is PictureLimitReached (175).
    /// </summary>
    private sealed class PictureBudget(SearchPictureOptions? options)
    {
        private int _sent;

        public SearchGalPicture Next(byte[]? picture)
        {
            if (picture is null || picture.Length == 0) return new SearchGalPicture(SearchPictureStatus.NoPicture);
            if (options?.MaxSize is { } maxSize && picture.Length > maxSize) return new SearchGalPicture(SearchPictureStatus.PictureTooLarge);
            if (options?.MaxPictures is { } maxPictures && _sent >= maxPictures) return new SearchGalPicture(SearchPictureStatus.PictureLimitReached);
            _sent++;
            return new SearchGalPicture(SearchPictureStatus.Success, picture);
        }
    }
}
