using static Eas.Integration.Tests.Support.Schema.Schema;
using Page = Eas.Wire.CodePages.ResolveRecipients;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The ResolveRecipients response (MS-ASCMD 2.2.1.15, schema 6.32): Status, then one Response per To of To, Status,
/// RecipientCount and Recipients. A Recipient is Type, DisplayName, EmailAddress, then Availability (Status,
/// MergedFreeBusy, 2.2.3.16), Certificates (Status, CertificateCount, RecipientCount, then full Certificates or one
/// MiniCertificate, 2.2.3.23.1: CertificateRetrieval picks one form) and Picture (Status, Data; 14.1, 2.2.3.135.2),
/// each optional and at most once.
/// </summary>
internal static class ResolveRecipientsResponseSchema
{
    private static readonly SchemaElement Recipient = Node(Page.Recipient,
        Value(Page.Type),
        Value(Page.DisplayName),
        Value(Page.EmailAddress),
        Node(Page.Availability, Value(Page.Status), Value(Page.MergedFreeBusy).Optional()).Optional(),
        Node(Page.Certificates,
            Value(Page.Status),
            Value(Page.CertificateCount).Optional(),
            Value(Page.RecipientCount).Optional(),
            Choice(Value(Page.Certificate).Many(), Value(Page.MiniCertificate)).Optional()).Optional(),
        Node(Page.Picture, Value(Page.Status), Value(Page.Data).Optional()).Optional());

    public static readonly SchemaElement Root = Node(Page.ResolveRecipientsElement,
        Value(Page.Status),
        Node(Page.Response,
            Value(Page.To),
            Value(Page.Status),
            Value(Page.RecipientCount).Optional(),
            Recipient.Optional().Many()).Optional().Many());
}
