namespace Eas.Wire.CodePages;

/// <summary>Code page 20, ItemOperations (MS-ASWBXML 2.1.2.1.21).</summary>
public static class ItemOperations
{
    public const byte PageNumber = 20;
    public const string Namespace = "ItemOperations";

    /// <summary>The spec's <c>ItemOperations</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("ItemOperations")]
    public const ushort ItemOperationsElement = 0x1405;
    public const ushort Fetch = 0x1406;
    public const ushort Store = 0x1407;
    public const ushort Options = 0x1408;
    public const ushort Range = 0x1409;
    public const ushort Total = 0x140A;
    public const ushort Properties = 0x140B;
    public const ushort Data = 0x140C;
    public const ushort Status = 0x140D;
    public const ushort Response = 0x140E;
    public const ushort Version = 0x140F;
    public const ushort Schema = 0x1410;
    public const ushort Part = 0x1411;
    public const ushort EmptyFolderContents = 0x1412;
    public const ushort DeleteSubFolders = 0x1413;
    public const ushort UserName = 0x1414;
    public const ushort Password = 0x1415;
    public const ushort Move = 0x1416;
    public const ushort DstFldId = 0x1417;
    public const ushort ConversationId = 0x1418;
    public const ushort MoveAlways = 0x1419;
}
