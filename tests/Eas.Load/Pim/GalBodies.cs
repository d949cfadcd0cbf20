using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using RecipientsPage = Eas.Wire.CodePages.ResolveRecipients;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Load.Pim;

/// <summary>The directory requests of <c>gal-bench</c>, built from the code pages (MS-ASWBXML).</summary>
internal static class GalBodies
{
    /// <summary>Search of the GAL with a Range (MS-ASCMD 2.2.3.153, 2.2.3.143.3).</summary>
    public static WbxmlElement Search(string query, string range) =>
        WithChildren(SearchPage.SearchElement,
            WithChildren(SearchPage.Store,
                WithText(SearchPage.Name, "GAL"),
                WithText(SearchPage.Query, query),
                WithChildren(SearchPage.Options, WithText(SearchPage.Range, range))));

    /// <summary>ResolveRecipients of one name or address (MS-ASCMD 2.2.1.15, To 2.2.3.183).</summary>
    public static WbxmlElement Resolve(string to) =>
        WithChildren(RecipientsPage.ResolveRecipientsElement, WithText(RecipientsPage.To, to));

    /// <summary>Whether a Search answer's Status and its Store's Status are both Success (MS-ASCMD 2.2.3.177.13).</summary>
    public static bool SearchSucceeded(WbxmlElement answer) =>
        answer.ValueOf(SearchPage.Status) == "1" && answer.Element(SearchPage.Response)?.Element(SearchPage.Store)?.ValueOf(SearchPage.Status) == "1";

    /// <summary>Whether a ResolveRecipients answer's Status is Success (MS-ASCMD 2.2.3.177.12); a name's own Response may be ambiguous or unknown.</summary>
    public static bool ResolveSucceeded(WbxmlElement answer) => answer.ValueOf(RecipientsPage.Status) == "1";
}
