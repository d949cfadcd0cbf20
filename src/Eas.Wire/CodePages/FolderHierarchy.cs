namespace Eas.Wire.CodePages;

/// <summary>Code page 7, FolderHierarchy (MS-ASWBXML 2.1.2.1.8).</summary>
public static class FolderHierarchy
{
    public const byte PageNumber = 7;
    public const string Namespace = "FolderHierarchy";

    public const ushort Folders = 0x0705;
    public const ushort Folder = 0x0706;
    public const ushort DisplayName = 0x0707;
    public const ushort ServerId = 0x0708;
    public const ushort ParentId = 0x0709;
    public const ushort Type = 0x070A;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort Response = 0x070B;
    public const ushort Status = 0x070C;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort ContentClass = 0x070D;
    public const ushort Changes = 0x070E;
    public const ushort Add = 0x070F;
    public const ushort Delete = 0x0710;
    public const ushort Update = 0x0711;
    public const ushort SyncKey = 0x0712;
    public const ushort FolderCreate = 0x0713;
    public const ushort FolderDelete = 0x0714;
    public const ushort FolderUpdate = 0x0715;
    public const ushort FolderSync = 0x0716;
    public const ushort Count = 0x0717;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort Version = 0x0718;
}
