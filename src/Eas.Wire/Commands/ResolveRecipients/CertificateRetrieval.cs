namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>Whether and how S/MIME certificates are returned for each resolved recipient (CertificateRetrieval, MS-ASCMD 2.2.3.22).</summary>
public enum CertificateRetrieval
{
    /// <summary>No certificates (the default).</summary>
    None = 1,

    /// <summary>The full certificates, each in a Certificate element (MS-ASCMD 2.2.3.19.1).</summary>
    Full = 2,

    /// <summary>The mini certificate, in a MiniCertificate element (MS-ASCMD 2.2.3.112).</summary>
    Mini = 3,
}
