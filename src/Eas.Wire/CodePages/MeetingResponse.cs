namespace Eas.Wire.CodePages;

/// <summary>Code page 8, MeetingResponse (MS-ASWBXML 2.1.2.1.9).</summary>
public static class MeetingResponse
{
    public const byte PageNumber = 8;
    public const string Namespace = "MeetingResponse";

    public const ushort CalendarId = 0x0805;
    public const ushort CollectionId = 0x0806;
    /// <summary>The spec's <c>MeetingResponse</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("MeetingResponse")]
    public const ushort MeetingResponseElement = 0x0807;
    public const ushort RequestId = 0x0808;
    public const ushort Request = 0x0809;
    public const ushort Result = 0x080A;
    public const ushort Status = 0x080B;
    public const ushort UserResponse = 0x080C;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort Version = 0x080D;
    public const ushort InstanceId = 0x080E;
    public const ushort ProposedStartTime = 0x0810;
    public const ushort ProposedEndTime = 0x0811;
    public const ushort SendResponse = 0x0812;
}
