namespace Eas.Wire.CodePages;

/// <summary>Code page 5, Move (MS-ASWBXML 2.1.2.1.6).</summary>
public static class Move
{
    public const byte PageNumber = 5;
    public const string Namespace = "Move";

    public const ushort MoveItems = 0x0505;
    /// <summary>The spec's <c>Move</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("Move")]
    public const ushort MoveElement = 0x0506;
    public const ushort SrcMsgId = 0x0507;
    public const ushort SrcFldId = 0x0508;
    public const ushort DstFldId = 0x0509;
    public const ushort Response = 0x050A;
    public const ushort Status = 0x050B;
    public const ushort DstMsgId = 0x050C;
}
