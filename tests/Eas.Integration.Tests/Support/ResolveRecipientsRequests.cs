using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using Page = Eas.Wire.CodePages.ResolveRecipients;

namespace Eas.Integration.Tests.Support;

/// <summary>ResolveRecipients request bodies as a phone writes them (MS-ASCMD 2.2.1.15).</summary>
internal static class ResolveRecipientsRequests
{
    public static WbxmlElement Resolve(IEnumerable<string> to, params WbxmlElement[] options) => WithChildren(Page.ResolveRecipientsElement,
        [.. to.Select(t => WithText(Page.To, t)), .. options.Length == 0 ? [] : new[] { WithChildren(Page.Options, options) }]);

    public static WbxmlElement Certificates(int retrieval) => WithText(Page.CertificateRetrieval, retrieval.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static WbxmlElement MaxCertificates(int max) => WithText(Page.MaxCertificates, max.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static WbxmlElement MaxAmbiguous(int max) => WithText(Page.MaxAmbiguousRecipients, max.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static WbxmlElement Availability(string start, string? end = null) => WithChildren(Page.Availability,
        [WithText(Page.StartTime, start), .. end is null ? [] : new[] { WithText(Page.EndTime, end) }]);

    public static WbxmlElement Picture(int? maxSize = null, int? maxPictures = null) => WithChildren(Page.Picture,
    [
        .. maxSize is { } size ? new[] { WithText(Page.MaxSize, size.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : [],
        .. maxPictures is { } pictures ? new[] { WithText(Page.MaxPictures, pictures.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : [],
    ]);
}
