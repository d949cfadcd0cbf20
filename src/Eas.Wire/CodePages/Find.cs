namespace Eas.Wire.CodePages;

/// <summary>Code page 25, Find (MS-ASWBXML 2.1.2.1.26).</summary>
/// <remarks>
/// Protocol version 16.1 only. The spec leaves 0x0F-0x10 and 0x1A-0x1F unassigned and puts MaxPictures,
/// MaxSize and Picture at 0x20-0x22; the gaps are real, not a numbering slip.
/// </remarks>
public static class Find
{
    public const byte PageNumber = 25;
    public const string Namespace = "Find";

    /// <summary>The spec's <c>Find</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("Find")]
    public const ushort FindElement = 0x1905;
    public const ushort SearchId = 0x1906;
    public const ushort ExecuteSearch = 0x1907;
    public const ushort MailBoxSearchCriterion = 0x1908;
    public const ushort Query = 0x1909;
    public const ushort Status = 0x190A;
    public const ushort FreeText = 0x190B;
    public const ushort Options = 0x190C;
    public const ushort Range = 0x190D;
    public const ushort DeepTraversal = 0x190E;
    public const ushort Response = 0x1911;
    public const ushort Result = 0x1912;
    public const ushort Properties = 0x1913;
    public const ushort Preview = 0x1914;
    public const ushort HasAttachments = 0x1915;
    public const ushort Total = 0x1916;
    public const ushort DisplayCc = 0x1917;
    public const ushort DisplayBcc = 0x1918;
    public const ushort GALSearchCriterion = 0x1919;
    public const ushort MaxPictures = 0x1920;
    public const ushort MaxSize = 0x1921;
    public const ushort Picture = 0x1922;
}
