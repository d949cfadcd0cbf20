using System.Net;
using System.Xml;
using System.Xml.Linq;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.Dav;

/// <summary>
/// One <c>response</c> of a multistatus (RFC 4918 14.24): its href as the server wrote it, the status of the whole
/// resource when it has one (a removed member in a sync-collection report, RFC 6578 3.5.2; a missing one in a
/// multiget), and the properties found (those of the propstats with status 200).
/// </summary>
internal sealed record DavResponse(string Href, HttpStatusCode? Status, XElement Found, XElement? Error)
{
    public string? Text(XName property) => Found.Element(property)?.Value;
}

/// <summary>A parsed 207 Multi-Status body (RFC 4918 13), with the sync-token of a sync-collection report (RFC 6578 3.2).</summary>
internal sealed record DavMultiStatus(IReadOnlyList<DavResponse> Responses, string? SyncToken)
{
    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Parses a body; a body that is not a multistatus is the server's failure (<see cref="PimStoreUnavailableException"/>).</summary>
    public static DavMultiStatus Parse(byte[] body, Uri requestUri)
    {
        var root = Load(body);
        if (root?.Name != MultiStatus)
            throw new PimStoreUnavailableException($"The DAV server answered {requestUri} without a well-formed multistatus body.");

        var responses = new List<DavResponse>();
        foreach (var response in root.Elements(Response))
        {
            var href = response.Element(Href)?.Value.Trim();
            if (string.IsNullOrEmpty(href)) continue;
            var found = new XElement(Prop);
            foreach (var propStat in response.Elements(PropStat))
            {
                if (ParseStatus(propStat.Element(Status)?.Value) is HttpStatusCode.OK && propStat.Element(Prop) is { } prop)
                    found.Add(prop.Elements());
            }

            responses.Add(new DavResponse(href, ParseStatus(response.Element(Status)?.Value), found, response.Element(Error)));
        }

        return new DavMultiStatus(responses, root.Element(DavNames.SyncToken)?.Value.Trim());
    }

    /// <summary>The root element of an XML body, or null when the body is empty or not well-formed XML (DTDs refused).</summary>
    public static XElement? Load(byte[] body)
    {
        if (body.Length == 0) return null;
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Safe);
            return XDocument.Load(reader).Root;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The code of a status line (<c>HTTP/1.1 404 Not Found</c>, RFC 4918 14.28).</summary>
    private static HttpStatusCode? ParseStatus(string? line)
    {
        if (line is null) return null;
        var parts = line.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? (HttpStatusCode)code
            : null;
    }
}
