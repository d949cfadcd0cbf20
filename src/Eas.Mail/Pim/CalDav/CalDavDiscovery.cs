using Eas.Mail.Pim.Dav;
using Microsoft.Extensions.Logging;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.CalDav;

/// <summary>
/// Finds the account's calendar home (RFC 4791 6.2.1) from the configured start URL: a PROPFIND Depth 0 of the start
/// for <c>current-user-principal</c> (RFC 5397 3) and <c>calendar-home-set</c>; when the start is not itself the
/// principal, a PROPFIND of the principal for <c>calendar-home-set</c>. A server naming neither makes the start the
/// home. A home on another origin (scheme, host, port) than the start is refused: the account's credentials go only
/// where the operator pointed them.
/// </summary>
internal static class CalDavDiscovery
{
    public static async Task<Uri> FindHomeAsync(DavStore start, string user, ILogger logger, CancellationToken cancellationToken)
    {
        var origin = start.Paths.Home;
        var own = await PropFindAsync(start, origin, cancellationToken, CurrentUserPrincipal, CalendarHomeSet).ConfigureAwait(false);
        if (HrefIn(own, CalendarHomeSet, origin) is { } home) return Checked(home, origin, user, logger);

        if (HrefIn(own, CurrentUserPrincipal, origin) is { } principal && Checked(principal, origin, user, logger) is var checkedPrincipal
            && checkedPrincipal != origin)
        {
            var ofPrincipal = await PropFindAsync(start, checkedPrincipal, cancellationToken, CalendarHomeSet).ConfigureAwait(false);
            if (HrefIn(ofPrincipal, CalendarHomeSet, checkedPrincipal) is { } found) return Checked(found, origin, user, logger);
        }

        CalDavLog.NoCalendarHome(logger, user, origin.AbsoluteUri);
        return origin;
    }

    private static async Task<DavResponse?> PropFindAsync(DavStore dav, Uri uri, CancellationToken cancellationToken, params System.Xml.Linq.XName[] properties)
    {
        try
        {
            var status = await dav.PropFindAsync(uri, "0", cancellationToken, properties).ConfigureAwait(false);
            return status.Responses is [var first, ..] ? first : null;
        }
        catch (PimItemRejectedException e)
        {
            throw new PimStoreUnavailableException($"The CalDAV server has no resource at {uri} to discover the calendar home from.", e);
        }
    }

    /// <summary>The first href inside a property (RFC 4918 14.7), resolved against the request's URL (8.3).</summary>
    private static Uri? HrefIn(DavResponse? response, System.Xml.Linq.XName property, Uri requestUri)
    {
        var href = DavStore.Nonempty(response?.Found.Element(property)?.Element(Href)?.Value);
        return href is not null && Uri.TryCreate(requestUri, href, out var resolved) ? resolved : null;
    }

    private static Uri Checked(Uri found, Uri origin, string user, ILogger logger)
    {
        if (string.Equals(found.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(found.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
            && found.Port == origin.Port)
            return found.AbsolutePath.EndsWith('/') ? found : new Uri(found.AbsoluteUri + "/");
        CalDavLog.HomeRefused(logger, user, found.AbsoluteUri, origin.AbsoluteUri);
        throw new PimStoreUnavailableException($"The CalDAV server named {found} for the account, which is not on the configured origin {origin.GetLeftPart(UriPartial.Authority)}.");
    }
}
