using Eas.Wire.Commands.ResolveRecipients;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

internal static partial class ResponseCorpus
{
    private static void AddResolveRecipients(Dictionary<string, Action<WbxmlWriter, ProtocolVersion>> writers)
    {
        writers["ResolveRecipients/response-14.1-mixed.xml"] = new ResolveRecipientsResponse(ResolveRecipientsStatus.Success)
        {
            Responses =
            [
                new ResolveRecipientsResult("alice@example.com", ResolveRecipientsResponseStatus.Resolved)
                {
                    RecipientCount = 1,
                    Recipients =
                    [
                        new ResolvedRecipient(RecipientType.Gal, "Alice Smith", "alice@example.com")
                        {
                            Availability = new RecipientAvailability(AvailabilityStatus.NotRetrieved),
                            Certificates = new RecipientCertificates(CertificatesStatus.Success) { CertificateCount = 2, RecipientCount = 1, Certificates = ["MIIBAQ==", "MIIBAg=="] },
                            Picture = new RecipientPicture(PictureStatus.Success) { Data = Convert.FromBase64String("/9j/4AAQ") },
                        },
                    ],
                },
                new ResolveRecipientsResult("Ali", ResolveRecipientsResponseStatus.AmbiguousPartial)
                {
                    RecipientCount = 5,
                    Recipients =
                    [
                        new ResolvedRecipient(RecipientType.Gal, "Alice Smith", "alice@example.com") { Picture = new RecipientPicture(PictureStatus.PictureTooLarge) },
                        new ResolvedRecipient(RecipientType.Gal, "Alina Smythe", "alina@example.com") { Picture = new RecipientPicture(PictureStatus.NoPicture) },
                    ],
                },
                new ResolveRecipientsResult("nobody@elsewhere.example", ResolveRecipientsResponseStatus.Unresolved),
            ],
        }.Write;
        writers["ResolveRecipients/response-12.1-mini.xml"] = new ResolveRecipientsResponse(ResolveRecipientsStatus.Success)
        {
            Responses =
            [
                new ResolveRecipientsResult("Lan Nguyen", ResolveRecipientsResponseStatus.Resolved)
                {
                    RecipientCount = 1,
                    Recipients =
                    [
                        new ResolvedRecipient(RecipientType.Gal, "Lan Nguyen", "lan@example.org")
                        {
                            Certificates = new RecipientCertificates(CertificatesStatus.Success) { CertificateCount = 1, RecipientCount = 1, MiniCertificate = "MIIBAw==" },
                            Picture = new RecipientPicture(PictureStatus.Success) { Data = [0xFF, 0xD8] },
                        },
                    ],
                },
            ],
        }.Write;
        writers["ResolveRecipients/response-14.0-server-error.xml"] = new ResolveRecipientsResponse(ResolveRecipientsStatus.ServerError).Write;
    }
}
