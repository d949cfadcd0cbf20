namespace Eas.Wire.CodePages;

/// <summary>Code page 24, RightsManagement (MS-ASWBXML 2.1.2.1.25).</summary>
public static class RightsManagement
{
    public const byte PageNumber = 24;
    public const string Namespace = "RightsManagement";

    public const ushort RightsManagementSupport = 0x1805;
    public const ushort RightsManagementTemplates = 0x1806;
    public const ushort RightsManagementTemplate = 0x1807;
    public const ushort RightsManagementLicense = 0x1808;
    public const ushort EditAllowed = 0x1809;
    public const ushort ReplyAllowed = 0x180A;
    public const ushort ReplyAllAllowed = 0x180B;
    public const ushort ForwardAllowed = 0x180C;
    public const ushort ModifyRecipientsAllowed = 0x180D;
    public const ushort ExtractAllowed = 0x180E;
    public const ushort PrintAllowed = 0x180F;
    public const ushort ExportAllowed = 0x1810;
    public const ushort ProgrammaticAccessAllowed = 0x1811;
    public const ushort Owner = 0x1812;
    public const ushort ContentExpiryDate = 0x1813;
    public const ushort TemplateID = 0x1814;
    public const ushort TemplateName = 0x1815;
    public const ushort TemplateDescription = 0x1816;
    public const ushort ContentOwner = 0x1817;
    public const ushort RemoveRightsManagementProtection = 0x1818;
}
