using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands;

/// <summary>
/// Parses airsyncbase:BodyPreference and airsyncbase:BodyPartPreference (MS-ASAIRS 2.2.2.12, 2.2.2.11). Both have
/// their children in one order, Type, TruncationSize, AllOrNone, Preview (2.2.2.11: "MUST have ... in the following
/// order"; 2.2.2.12 and the AirSyncBase schema's xs:sequence, MS-ASAIRS 6), so a child out of that order is a
/// protocol error: ItemOperations Status 2, Sync Status 4 (MS-ASCMD 2.2.3.177.8, 2.2.3.177.17).
/// </summary>
internal static class BodyPreferenceReader
{
    /// <summary>The largest TruncationSize: an unsigned 32-bit integer (MS-ASAIRS 2.2.2.40).</summary>
    public const long MaxTruncationSize = uint.MaxValue;

    /// <summary>The children in the order the schema gives them.</summary>
    private static readonly ushort[] Order = [AirSyncBase.Type, AirSyncBase.TruncationSize, AirSyncBase.AllOrNone, AirSyncBase.Preview];

    /// <summary>Reads one preference element; Preview is 14.0+ (airsyncbase:Preview, MS-ASAIRS).</summary>
    public static BodyPreference Read(in RequestReader reader, WbxmlElement element)
    {
        reader.Container(element);
        long? type = null;
        long? truncation = null;
        bool? allOrNone = null;
        long? preview = null;
        var position = 0;
        foreach (var child in element.Children)
        {
            var rank = Array.IndexOf(Order, child.Tag);
            if (rank >= 0 && rank < position)
                throw reader.Fail(child.Tag, $"{CodePageTable.Describe(child.Tag)} comes after {CodePageTable.Describe(Order[position])} in {CodePageTable.Describe(element.Tag)}; MS-ASAIRS 2.2.2.12 orders Type, TruncationSize, AllOrNone, Preview");
            position = Math.Max(position, rank);
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
