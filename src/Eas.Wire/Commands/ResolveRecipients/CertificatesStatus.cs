namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>The Status of a recipient's Certificates (MS-ASCMD 2.2.3.177.12, as a child of Certificates).</summary>
public enum CertificatesStatus
{
    /// <summary>One or more certificates are returned.</summary>
    Success = 1,

    /// <summary>The recipient has no valid S/MIME certificate; none is returned.</summary>
    NoValidCertificate = 7,

    /// <summary>
    /// The request's MaxCertificates was reached before this recipient's certificates: none of them is returned, and
    /// CertificateCount says how many were left out (MS-ASCMD 2.2.3.21, 2.2.3.101).
    /// </summary>
    CertificateLimitReached = 8,
}
