using System.Collections.Immutable;

namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>
/// One Recipient of a Response (MS-ASCMD 2.2.3.145): where it was found, its display name and SMTP address, and what
/// the request's options asked for.
/// </summary>
public sealed record ResolvedRecipient(RecipientType Type, string DisplayName, string EmailAddress)
{
    /// <summary>Free/busy (MS-ASCMD 2.2.3.16); written only when the request asked for it.</summary>
    public RecipientAvailability? Availability { get; init; }

    /// <summary>Certificates (MS-ASCMD 2.2.3.23.1); written only when the request asked for them.</summary>
    public RecipientCertificates? Certificates { get; init; }

    /// <summary>The contact photo (MS-ASCMD 2.2.3.135.2); written only to 14.1 and later, when the request asked for it.</summary>
    public RecipientPicture? Picture { get; init; }
}

/// <summary>A recipient's Availability: its Status and, on success, MergedFreeBusy (MS-ASCMD 2.2.3.107, one digit per 30 minutes).</summary>
public sealed record RecipientAvailability(AvailabilityStatus Status)
{
    public string? MergedFreeBusy { get; init; }
}

/// <summary>
/// A recipient's Certificates (MS-ASCMD 2.2.3.23.1): the Status, CertificateCount (the valid certificates found, or with
/// <see cref="CertificatesStatus.CertificateLimitReached"/> those left out, 2.2.3.21), RecipientCount (the members of a
/// distribution list, 2.2.3.146), and the certificates as base64 (Certificate, 2.2.3.19.1) or the mini certificate
/// (MiniCertificate, 2.2.3.112).
/// </summary>
public sealed record RecipientCertificates(CertificatesStatus Status)
{
    public int? CertificateCount { get; init; }

    public int? RecipientCount { get; init; }

    /// <summary>Each full certificate, base64 of its DER (CertificateRetrieval 2).</summary>
    public ImmutableArray<string> Certificates { get; init; } = [];

    /// <summary>The mini certificate, base64 (CertificateRetrieval 3).</summary>
    public string? MiniCertificate { get; init; }
}

/// <summary>A recipient's Picture: the Status and, on success, the photo's bytes (Data, a byte array written as opaque, MS-ASCMD 2.2.3.39.3).</summary>
public sealed record RecipientPicture(PictureStatus Status)
{
    public byte[]? Data { get; init; }
}
