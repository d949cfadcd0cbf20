namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>The Options of a ResolveRecipients request (MS-ASCMD 2.2.3.125.4); every member is optional.</summary>
public sealed record ResolveRecipientsOptions
{
    /// <summary>Whether certificates are returned, full or mini (MS-ASCMD 2.2.3.22); <see cref="CertificateRetrieval.None"/> by default.</summary>
    public CertificateRetrieval CertificateRetrieval { get; init; } = CertificateRetrieval.None;

    /// <summary>The most certificates the whole response may carry, 0–9999 (MS-ASCMD 2.2.3.101); null for no limit.</summary>
    public int? MaxCertificates { get; init; }

    /// <summary>The most suggestions for one ambiguous To, 0–9999 (MS-ASCMD 2.2.3.100); null for the server's own limit.</summary>
    public int? MaxAmbiguousRecipients { get; init; }

    /// <summary>The free/busy span asked for (MS-ASCMD 2.2.3.16; 14.0 and later); null when free/busy was not asked.</summary>
    public AvailabilityRequest? Availability { get; init; }

    /// <summary>The contact photos asked for (MS-ASCMD 2.2.3.135.2; 14.1 and later); null when pictures were not asked.</summary>
    public PictureRequest? Picture { get; init; }
}

/// <summary>
/// The span of free/busy data asked for (StartTime and EndTime, MS-ASCMD 2.2.3.176.1 and 2.2.3.61.1), in UTC. An
/// EndTime left out is StartTime plus seven days.
/// </summary>
public sealed record AvailabilityRequest(DateTime StartTime, DateTime EndTime);

/// <summary>The photo limits of a request: MaxSize in bytes (MS-ASCMD 2.2.3.105.2) and MaxPictures per To (2.2.3.104.2); null for none.</summary>
public sealed record PictureRequest(int? MaxSize, int? MaxPictures);
