namespace Eas.Wire.CodePages;

/// <summary>Code page 11, ValidateCert (MS-ASWBXML 2.1.2.1.12).</summary>
public static class ValidateCert
{
    public const byte PageNumber = 11;
    public const string Namespace = "ValidateCert";

    /// <summary>The spec's <c>ValidateCert</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("ValidateCert")]
    public const ushort ValidateCertElement = 0x0B05;
    public const ushort Certificates = 0x0B06;
    public const ushort Certificate = 0x0B07;
    public const ushort CertificateChain = 0x0B08;
    public const ushort CheckCRL = 0x0B09;
    public const ushort Status = 0x0B0A;
}
