using System.Collections.Immutable;
using Eas.Wire.Commands.Search;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using AirSyncPage = Eas.Wire.CodePages.AirSync;
using Email2Page = Eas.Wire.CodePages.Email2;
using EmailPage = Eas.Wire.CodePages.Email;
using FindPage = Eas.Wire.CodePages.Find;
using GalPage = Eas.Wire.CodePages.GAL;
using ItemOperationsPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Commands.Find;

/// <summary>
/// A Find response (MS-ASCMD 2.2.1.2, 2.2.3.69): find:Status, then find:Response (2.2.3.153.2) with
/// itemoperations:Store (2.2.3.178.1), the store's Status, one Result per match (none when nothing matched, 2.2.3.155.1),
/// Range (2.2.3.143.1) and Total (2.2.3.184.1).
/// </summary>
/// <param name="Status">The overall status.</param>
public sealed record FindResponse(FindStatus Status) : IEasResponse
{
    /// <summary>The store's answer; null writes no Response.</summary>
    public FindStoreResult? Response { get; init; }

    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(FindPage.FindElement);
        writer.WriteStatus(FindPage.Status, Status);
        if (Response is { } response)
        {
            writer.StartElement(FindPage.Response);
            writer.WriteElementString(ItemOperationsPage.Store, response.Store);
            writer.WriteStatus(FindPage.Status, response.Status);
            var results = response.Results.IsDefault ? [] : response.Results;
            foreach (var result in results) WriteResult(writer, result);
            if (response.Range is { } range && !results.IsEmpty) writer.WriteElementString(FindPage.Range, range.ToString());
            writer.WriteOptional(FindPage.Total, response.Total);
            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteResult(WbxmlWriter writer, FindResult result)
    {
        writer.StartElement(FindPage.Result);
        writer.WriteOptional(AirSyncPage.Class, result.Class);
        writer.WriteOptional(AirSyncPage.ServerId, result.ServerId);
        writer.WriteOptional(AirSyncPage.CollectionId, result.CollectionId);
        writer.StartElement(FindPage.Properties);
        if (result.Mail is { } mail) WriteMail(writer, mail);
        else if (result.Gal is { } gal) WriteGal(writer, gal);
        writer.EndElement();
        writer.EndElement();
    }

    /// <summary>The mailbox properties in MS-ASCMD 2.2.3.139.1's order.</summary>
    private static void WriteMail(WbxmlWriter writer, FindMailProperties mail)
    {
        writer.WriteOptional(EmailPage.Subject, mail.Subject);
        writer.WriteElementString(EmailPage.DateReceived, mail.DateReceived.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteOptional(EmailPage.DisplayTo, mail.DisplayTo);
        writer.WriteOptional(FindPage.DisplayCc, mail.DisplayCc);
        writer.WriteOptional(FindPage.DisplayBcc, mail.DisplayBcc);
        writer.WriteElementString(EmailPage.Importance, mail.Importance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteElementString(EmailPage.Read, mail.Read ? "1" : "0");
        writer.WriteElementString(Email2Page.IsDraft, mail.IsDraft ? "1" : "0");
        writer.WriteOptional(FindPage.Preview, mail.Preview);
        writer.WriteElementString(FindPage.HasAttachments, mail.HasAttachments ? "1" : "0");
        writer.WriteOptional(EmailPage.From, mail.From);
    }

    /// <summary>The GAL properties (MS-ASCMD 2.2.3.139.1, the GAL code page) with gal:Picture as Search writes it.</summary>
    private static void WriteGal(WbxmlWriter writer, SearchGalProperties gal)
    {
        writer.WriteElementString(GalPage.DisplayName, gal.DisplayName);
        writer.WriteOptional(GalPage.Phone, gal.Phone);
        writer.WriteOptional(GalPage.Office, gal.Office);
        writer.WriteOptional(GalPage.Title, gal.Title);
        writer.WriteOptional(GalPage.Company, gal.Company);
        writer.WriteOptional(GalPage.Alias, gal.Alias);
        writer.WriteOptional(GalPage.FirstName, gal.FirstName);
        writer.WriteOptional(GalPage.LastName, gal.LastName);
        writer.WriteOptional(GalPage.HomePhone, gal.HomePhone);
        writer.WriteOptional(GalPage.MobilePhone, gal.MobilePhone);
        writer.WriteElementString(GalPage.EmailAddress, gal.EmailAddress);
        if (gal.Picture is { } picture)
        {
            writer.StartElement(GalPage.Picture);
            writer.WriteStatus(GalPage.Status, picture.Status);
            if (picture.Data is { } data) writer.WriteElementString(GalPage.Data, Convert.ToBase64String(data));
            writer.EndElement();
        }
    }
}

/// <summary>The find:Response of a Find (MS-ASCMD 2.2.3.153.2).</summary>
/// <param name="Store">itemoperations:Store (2.2.3.178.1): "Mailbox" for a mailbox find, "GAL" for a directory find.</param>
/// <param name="Status">The store's status (2.2.3.177.2).</param>
public sealed record FindStoreResult(string Store, FindStatus Status)
{
    /// <summary>The matches of the requested range, in order.</summary>
    public ImmutableArray<FindResult> Results { get; init; } = [];

    /// <summary>The rows returned (find:Range); written when there are results.</summary>
    public SearchRange? Range { get; init; }

    /// <summary>How many items matched in all (find:Total).</summary>
    public long? Total { get; init; }
}
