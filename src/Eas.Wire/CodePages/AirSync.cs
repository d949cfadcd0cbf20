namespace Eas.Wire.CodePages;

/// <summary>
/// Code page 0, AirSync (MS-ASWBXML 2.1.2.1.1). A tag constant is <c>(page &lt;&lt; 8) | token</c>; the
/// token is the value the spec lists, without the content bit (0x40).
/// </summary>
public static class AirSync
{
    public const byte PageNumber = 0;
    public const string Namespace = "AirSync";

    public const ushort Sync = 0x0005;
    public const ushort Responses = 0x0006;
    public const ushort Add = 0x0007;
    public const ushort Change = 0x0008;
    public const ushort Delete = 0x0009;
    public const ushort Fetch = 0x000A;
    public const ushort SyncKey = 0x000B;
    public const ushort ClientId = 0x000C;
    public const ushort ServerId = 0x000D;
    public const ushort Status = 0x000E;
    public const ushort Collection = 0x000F;
    public const ushort Class = 0x0010;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort Version = 0x0011;
    public const ushort CollectionId = 0x0012;
    public const ushort GetChanges = 0x0013;
    public const ushort MoreAvailable = 0x0014;
    public const ushort WindowSize = 0x0015;
    public const ushort Commands = 0x0016;
    public const ushort Options = 0x0017;
    public const ushort FilterType = 0x0018;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort Truncation = 0x0019;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort RTFTruncation = 0x001A;
    public const ushort Conflict = 0x001B;
    public const ushort Collections = 0x001C;
    public const ushort ApplicationData = 0x001D;
    public const ushort DeletesAsMoves = 0x001E;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort NotifyGUID = 0x001F;
    public const ushort Supported = 0x0020;
    public const ushort SoftDelete = 0x0021;
    public const ushort MIMESupport = 0x0022;
    public const ushort MIMETruncation = 0x0023;
    public const ushort Wait = 0x0024;
    public const ushort Limit = 0x0025;
    public const ushort Partial = 0x0026;
    public const ushort ConversationMode = 0x0027;
    public const ushort MaxItems = 0x0028;
    public const ushort HeartbeatInterval = 0x0029;
}
