namespace Eas.Mail.Mime;

/// <summary>A message's importance, with the values of the EAS Importance element (MS-ASEMAIL 2.2.2.38).</summary>
public enum MessageImportance
{
    Low = 0,
    Normal = 1,
    High = 2,
}
