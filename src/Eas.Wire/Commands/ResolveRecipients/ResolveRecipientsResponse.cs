using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using Page = Eas.Wire.CodePages.ResolveRecipients;

namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>
/// A ResolveRecipients response (MS-ASCMD 2.2.1.15, schema in section 6.32): the command's Status, then one Response per
/// To. Within a Recipient the order is Type, DisplayName, EmailAddress, Availability, Certificates, Picture; Picture is
/// left out before 14.1, where it does not exist.
/// </summary>
public sealed record ResolveRecipientsResponse(ResolveRecipientsStatus Status) : IEasResponse
{
    public ImmutableArray<ResolveRecipientsResult> Responses { get; init; } = [];

    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(Page.ResolveRecipientsElement);
        writer.WriteStatus(Page.Status, Status);
        foreach (var response in Responses.IsDefault ? [] : Responses)
        {
            writer.StartElement(Page.Response);
            writer.WriteElementString(Page.To, response.To);
            writer.WriteStatus(Page.Status, response.Status);
            writer.WriteOptional(Page.RecipientCount, response.RecipientCount);
            foreach (var recipient in response.Recipients.IsDefault ? [] : response.Recipients) WriteRecipient(writer, recipient, version);
            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteRecipient(WbxmlWriter writer, ResolvedRecipient recipient, ProtocolVersion version)
    {
        writer.StartElement(Page.Recipient);
        writer.WriteStatus(Page.Type, recipient.Type);
        writer.WriteElementString(Page.DisplayName, recipient.DisplayName);
        writer.WriteElementString(Page.EmailAddress, recipient.EmailAddress);
        if (recipient.Availability is { } availability)
        {
            writer.StartElement(Page.Availability);
            writer.WriteStatus(Page.Status, availability.Status);
            writer.WriteOptional(Page.MergedFreeBusy, availability.MergedFreeBusy);
            writer.EndElement();
        }

        if (recipient.Certificates is { } certificates)
        {
            writer.StartElement(Page.Certificates);
            writer.WriteStatus(Page.Status, certificates.Status);
            writer.WriteOptional(Page.CertificateCount, certificates.CertificateCount);
            writer.WriteOptional(Page.RecipientCount, certificates.RecipientCount);
            foreach (var certificate in certificates.Certificates.IsDefault ? [] : certificates.Certificates) writer.WriteElementString(Page.Certificate, certificate);
            writer.WriteOptional(Page.MiniCertificate, certificates.MiniCertificate);
            writer.EndElement();
        }

        if (recipient.Picture is { } picture && version >= ProtocolVersion.V141)
        {
            writer.StartElement(Page.Picture);
            writer.WriteStatus(Page.Status, picture.Status);
            if (picture.Data is { } data)
            {
                writer.StartElement(Page.Data);
                writer.WriteOpaque(data);
                writer.EndElement();
            }

            writer.EndElement();
        }

        writer.EndElement();
    }
}
