using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands;

/// <summary>Parses airsyncbase:BodyPreference and airsyncbase:BodyPartPreference (MS-ASAIRS 2.2.2.12, 2.2.2.11).</summary>
internal static class BodyPreferenceReader
{
    /// <summary>The largest TruncationSize: an unsigned 32-bit integer (MS-ASAIRS 2.2.2.40).</summary>
    public const long MaxTruncationSize = uint.MaxValue;

    /// <summary>Reads one preference element; Preview is 14.0+ (airsyncbase:Preview, MS-ASAIRS).</summary>
    public static BodyPreference Read(in RequestReader reader, WbxmlElement element)
    {
        reader.Container(element);
        long? type = null;
        long? truncation = null;
        bool? allOrNone = null;
        long? preview = null;
        foreach (var child in element.Children)
        {
            switch (child.Tag)
            {
                case AirSyncBase.Type:
                    reader.Once(ref type, child, reader.Number(child, 1, element.Tag == AirSyncBase.BodyPartPreference ? 3 : 4));
                    break;
                case AirSyncBase.TruncationSize:
                    reader.Once(ref truncation, child, reader.Number(child, 0, MaxTruncationSize));
                    break;
                case AirSyncBase.AllOrNone:
                    reader.Once(ref allOrNone, child, reader.Flag(child));
                    break;
                case AirSyncBase.Preview:
                    reader.RequireVersion(reader.Version >= Http.ProtocolVersion.V140, child, "MS-ASAIRS Preview");
                    reader.Once(ref preview, child, reader.Number(child, 0, 255));
                    break;
                default:
                    throw reader.Unexpected(element, child);
            }
        }

        if (type is null) throw reader.Missing(element, AirSyncBase.Type);
        return new BodyPreference((BodyType)type.Value)
        {
            TruncationSize = truncation,
            AllOrNone = allOrNone,
            Preview = (int?)preview,
        };
    }
}
