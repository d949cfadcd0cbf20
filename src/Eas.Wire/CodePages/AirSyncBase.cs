namespace Eas.Wire.CodePages;

/// <summary>Code page 17, AirSyncBase (MS-ASWBXML 2.1.2.1.18).</summary>
public static class AirSyncBase
{
    public const byte PageNumber = 17;
    public const string Namespace = "AirSyncBase";

    public const ushort BodyPreference = 0x1105;
    public const ushort Type = 0x1106;
    public const ushort TruncationSize = 0x1107;
    public const ushort AllOrNone = 0x1108;
    public const ushort Body = 0x110A;
    public const ushort Data = 0x110B;
    public const ushort EstimatedDataSize = 0x110C;
    public const ushort Truncated = 0x110D;
    public const ushort Attachments = 0x110E;
    public const ushort Attachment = 0x110F;
    public const ushort DisplayName = 0x1110;
    public const ushort FileReference = 0x1111;
    public const ushort Method = 0x1112;
    public const ushort ContentId = 0x1113;
    public const ushort ContentLocation = 0x1114;
    public const ushort IsInline = 0x1115;
    public const ushort NativeBodyType = 0x1116;
    public const ushort ContentType = 0x1117;
    public const ushort Preview = 0x1118;
    public const ushort BodyPartPreference = 0x1119;
    public const ushort BodyPart = 0x111A;
    public const ushort Status = 0x111B;
    public const ushort Add = 0x111C;
    public const ushort Delete = 0x111D;
    public const ushort ClientId = 0x111E;
    public const ushort Content = 0x111F;
    public const ushort Location = 0x1120;
    public const ushort Annotation = 0x1121;
    public const ushort Street = 0x1122;
    public const ushort City = 0x1123;
    public const ushort State = 0x1124;
    public const ushort Country = 0x1125;
    public const ushort PostalCode = 0x1126;
    public const ushort Latitude = 0x1127;
    public const ushort Longitude = 0x1128;
    public const ushort Accuracy = 0x1129;
    public const ushort Altitude = 0x112A;
    public const ushort AltitudeAccuracy = 0x112B;
    public const ushort LocationUri = 0x112C;
    public const ushort InstanceId = 0x112D;
}
