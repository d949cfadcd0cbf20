namespace Eas.Wire.CodePages;

/// <summary>Code page 6, GetItemEstimate (MS-ASWBXML 2.1.2.1.7).</summary>
public static class GetItemEstimate
{
    public const byte PageNumber = 6;
    public const string Namespace = "GetItemEstimate";

    /// <summary>The spec's <c>GetItemEstimate</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("GetItemEstimate")]
    public const ushort GetItemEstimateElement = 0x0605;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort Version = 0x0606;
    public const ushort Collections = 0x0607;
    public const ushort Collection = 0x0608;
    public const ushort Class = 0x0609;
    public const ushort CollectionId = 0x060A;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort DateTime = 0x060B;
    public const ushort Estimate = 0x060C;
    public const ushort Response = 0x060D;
    public const ushort Status = 0x060E;
}
