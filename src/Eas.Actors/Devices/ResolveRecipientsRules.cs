using System.Collections.Immutable;
using Eas.Mail.Gal;
using Eas.Wire.Commands.ResolveRecipients;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// How the GAL's matches for one To become its Response (MS-ASCMD 2.2.1.15), as pure functions:
/// <list type="bullet">
/// <item>An entry whose address is the To, or the only match, resolves it: Status 1 and that one Recipient. Several
/// matches are suggestions: Status 2 with all of them, or 3 with the first <c>MaxAmbiguousRecipients</c> when there are
/// more, and RecipientCount is how many there are (2.2.3.100, 2.2.3.146). No match is Status 4, also for a
/// syntactically valid address outside the directory: the spec has no other status for it, and 4 is "did not
/// resolve to any contact or GAL entry" (2.2.3.177.12); the phone may still send to it.</item>
/// <item>Certificates go only with a resolved To ("no certificate nodes were returned" for 2 and 3): Status 1 with
/// CertificateCount and the certificates (full) or the first one (mini), 7 when the entry has none, 8 with the count
/// left out once MaxCertificates would be passed (2.2.3.101). The mini-certificate format is not specified anywhere we
/// can read, so MiniCertificate carries the first certificate's DER.</item>
/// <item>Availability goes only with a resolved To (2.2.3.183): this server has no calendar yet, so it is Status 163,
/// "free/busy data could not be retrieved … clients SHOULD NOT reissue the request" — not 162, which would make
/// phones retry for nothing, and not Status 1 with MergedFreeBusy of 4s ("no data"), which would claim a lookup that
/// never happened.</item>
/// <item>Pictures (14.1, 2.2.3.135.2) for every returned Recipient: 173 without a photo, 174 over MaxSize, 175 once
/// MaxPictures photos of this To were returned (2.2.3.104.2), else the photo.</item>
/// </list>
/// </summary>
public static class ResolveRecipientsRules
{
    /// <summary>Suggestions for an ambiguous To when the request sets no MaxAmbiguousRecipients.</summary>
    public const int DefaultMaxAmbiguous = 20;

    /// <summary>The most matches of one To counted for RecipientCount.</summary>
    public const int MatchCap = 1000;

    /// <summary>What the directory must read for this request's returned recipients.</summary>
    public static GalSearchOptions BinariesFor(ResolveRecipientsOptions options, ProtocolVersion version) => new(
        WithPictures: options.Picture is not null && version >= ProtocolVersion.V141,
        WithCertificates: options.CertificateRetrieval != CertificateRetrieval.None);

    /// <summary>How many of the matches the Response returns: one when the To resolves, else the suggestions allowed.</summary>
    public static int Returned(string to, IReadOnlyList<GalEntry> matches, ResolveRecipientsOptions options) =>
        matches.Count == 0 ? 0 : Resolves(to, matches) ? 1 : Math.Min(matches.Count, options.MaxAmbiguousRecipients ?? DefaultMaxAmbiguous);

    /// <summary>
    /// The Response of one To. <paramref name="matches"/> are the GAL's matches (exact address first),
    /// <paramref name="chosen"/> the first <see cref="Returned"/> of them read with their pictures and certificates as
    /// asked; <paramref name="certificatesLeft"/> is what remains of MaxCertificates over the whole request.
    /// </summary>
    public static ResolveRecipientsResult Answer(
        string to, IReadOnlyList<GalEntry> matches, IReadOnlyList<GalEntry> chosen, ResolveRecipientsOptions options, ProtocolVersion version, ref int certificatesLeft)
    {
        if (matches.Count == 0) return new ResolveRecipientsResult(to, ResolveRecipientsResponseStatus.Unresolved);
        var resolved = Resolves(to, matches);
        var status = resolved ? ResolveRecipientsResponseStatus.Resolved
            : chosen.Count < matches.Count ? ResolveRecipientsResponseStatus.AmbiguousPartial : ResolveRecipientsResponseStatus.Ambiguous;
        var recipients = ImmutableArray.CreateBuilder<ResolvedRecipient>(chosen.Count);
        var pictures = 0;
        foreach (var entry in chosen)
        {
            var recipient = new ResolvedRecipient(RecipientType.Gal, entry.DisplayName, entry.EmailAddress)
            {
                Availability = resolved && options.Availability is not null && version >= ProtocolVersion.V140
                    ? new RecipientAvailability(AvailabilityStatus.NotRetrieved) : null,
                Certificates = resolved && options.CertificateRetrieval != CertificateRetrieval.None
                    ? Certificates(entry, options.CertificateRetrieval, ref certificatesLeft) : null,
                Picture = options.Picture is { } picture && version >= ProtocolVersion.V141 ? Picture(entry, picture, ref pictures) : null,
            };
            recipients.Add(recipient);
        }

        return new ResolveRecipientsResult(to, status) { RecipientCount = resolved ? 1 : matches.Count, Recipients = recipients.ToImmutable() };
    }

    private static bool Resolves(string to, IReadOnlyList<GalEntry> matches) =>
        matches.Count == 1 || string.Equals(matches[0].EmailAddress, to.Trim(), StringComparison.OrdinalIgnoreCase);

    private static RecipientCertificates Certificates(GalEntry entry, CertificateRetrieval retrieval, ref int left)
    {
        if (entry.Certificates.Count == 0) return new RecipientCertificates(CertificatesStatus.NoValidCertificate) { CertificateCount = 0 };
        var returned = retrieval == CertificateRetrieval.Mini ? 1 : entry.Certificates.Count;
        if (returned > left)
            return new RecipientCertificates(CertificatesStatus.CertificateLimitReached) { CertificateCount = entry.Certificates.Count, RecipientCount = 1 };
        left -= returned;
        return retrieval == CertificateRetrieval.Mini
            ? new RecipientCertificates(CertificatesStatus.Success)
            {
                CertificateCount = entry.Certificates.Count,
                RecipientCount = 1,
                MiniCertificate = Convert.ToBase64String(entry.Certificates[0]),
            }
            : new RecipientCertificates(CertificatesStatus.Success)
            {
                CertificateCount = entry.Certificates.Count,
                RecipientCount = 1,
                Certificates = [.. entry.Certificates.Select(Convert.ToBase64String)],
            };
    }

    private static RecipientPicture Picture(GalEntry entry, PictureRequest request, ref int returned)
    {
        if (entry.Picture is not { Length: > 0 } photo) return new RecipientPicture(PictureStatus.NoPicture);
        if (request.MaxSize is { } maxSize && photo.Length > maxSize) return new RecipientPicture(PictureStatus.PictureTooLarge);
        if (request.MaxPictures is { } maxPictures && returned >= maxPictures) return new RecipientPicture(PictureStatus.PictureLimitReached);
        returned++;
        return new RecipientPicture(PictureStatus.Success) { Data = photo };
    }
}
