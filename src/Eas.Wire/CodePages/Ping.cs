namespace Eas.Wire.CodePages;

/// <summary>Code page 13, Ping (MS-ASWBXML 2.1.2.1.14).</summary>
public static class Ping
{
    public const byte PageNumber = 13;
    public const string Namespace = "Ping";

    /// <summary>The spec's <c>Ping</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("Ping")]
    public const ushort PingElement = 0x0D05;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort AutdState = 0x0D06;
    public const ushort Status = 0x0D07;
    public const ushort HeartbeatInterval = 0x0D08;
    public const ushort Folders = 0x0D09;
    public const ushort Folder = 0x0D0A;
    public const ushort Id = 0x0D0B;
    public const ushort Class = 0x0D0C;
    public const ushort MaxFolders = 0x0D0D;
}
