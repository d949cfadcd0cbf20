namespace Eas.Wire.CodePages;

/// <summary>Code page 19, DocumentLibrary (MS-ASWBXML 2.1.2.1.20).</summary>
public static class DocumentLibrary
{
    public const byte PageNumber = 19;
    public const string Namespace = "DocumentLibrary";

    public const ushort LinkId = 0x1305;
    public const ushort DisplayName = 0x1306;
    public const ushort IsFolder = 0x1307;
    public const ushort CreationDate = 0x1308;
    public const ushort LastModifiedDate = 0x1309;
    public const ushort IsHidden = 0x130A;
    public const ushort ContentLength = 0x130B;
    public const ushort ContentType = 0x130C;
}
