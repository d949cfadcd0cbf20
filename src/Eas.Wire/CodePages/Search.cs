namespace Eas.Wire.CodePages;

/// <summary>Code page 15, Search (MS-ASWBXML 2.1.2.1.16).</summary>
public static class Search
{
    public const byte PageNumber = 15;
    public const string Namespace = "Search";

    /// <summary>The spec's <c>Search</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("Search")]
    public const ushort SearchElement = 0x0F05;
    public const ushort Store = 0x0F07;
    public const ushort Name = 0x0F08;
    public const ushort Query = 0x0F09;
    public const ushort Options = 0x0F0A;
    public const ushort Range = 0x0F0B;
    public const ushort Status = 0x0F0C;
    public const ushort Response = 0x0F0D;
    public const ushort Result = 0x0F0E;
    public const ushort Properties = 0x0F0F;
    public const ushort Total = 0x0F10;
    public const ushort EqualTo = 0x0F11;
    public const ushort Value = 0x0F12;
    public const ushort And = 0x0F13;
    public const ushort Or = 0x0F14;
    public const ushort FreeText = 0x0F15;
    public const ushort DeepTraversal = 0x0F17;
    public const ushort LongId = 0x0F18;
    public const ushort RebuildResults = 0x0F19;
    public const ushort LessThan = 0x0F1A;
    public const ushort GreaterThan = 0x0F1B;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort Schema = 0x0F1C;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort Supported = 0x0F1D;
    public const ushort UserName = 0x0F1E;
    public const ushort Password = 0x0F1F;
    public const ushort ConversationId = 0x0F20;
    public const ushort Picture = 0x0F21;
    public const ushort MaxSize = 0x0F22;
    public const ushort MaxPictures = 0x0F23;
}
