using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>Parses one airsync:Options element of a Sync collection (MS-ASCMD 2.2.3.125.6).</summary>
internal static class SyncOptionsReader
{
    public static SyncOptions Read(in RequestReader reader, WbxmlElement options)
    {
        string? optionsClass = null;
        long? filterType = null, conflict = null, mimeSupport = null, mimeTruncation = null, truncation = null;
        int? maxItems = null;
        bool? rightsManagement = null;
        var bodyPreferences = ImmutableArray.CreateBuilder<BodyPreference>();
        var bodyPartPreferences = ImmutableArray.CreateBuilder<BodyPreference>();
        foreach (var child in reader.Container(options).Children)
        {
            switch (child.Tag)
            {
                case AirSync.Class:
                    reader.RequireVersion(SyncVersionRules.AllowsItemClass(reader.Version), child, "MS-ASCMD 2.2.3.27.6");
                    reader.Once(ref optionsClass, child, reader.NonEmptyText(child));
                    break;
                case AirSync.FilterType:
                    reader.Once(ref filterType, child, reader.Number(child, 0, (long)SyncFilterType.IncompleteTasks));
                    break;
                case AirSync.Conflict:
                    reader.Once(ref conflict, child, reader.Number(child, 0, (long)SyncConflictResolution.ServerWins));
                    break;
                case AirSync.MIMESupport:
                    reader.Once(ref mimeSupport, child, reader.Number(child, 0, (long)SyncMimeSupport.Always));
                    break;
                case AirSync.Truncation:
                    reader.RequireVersion(reader.Version == Http.ProtocolVersion.V25, child, "MS-ASCMD 2.2.3.185 (2.5 only)");
                    reader.Once(ref truncation, child, reader.Number(child, 0, 9));
                    break;
                case AirSync.MIMETruncation:
                    reader.Once(ref mimeTruncation, child, reader.Number(child, 0, 8));
                    break;
                case AirSync.MaxItems:
                    reader.RequireVersion(SyncVersionRules.AllowsMaxItems(reader.Version), child, "MS-ASCMD 2.2.3.103.2");
                    reader.Once(ref maxItems, child, reader.Int(child));
                    break;
                case AirSyncBase.BodyPreference:
                    reader.RequireVersion(SyncVersionRules.AllowsBodyPreference(reader.Version), child, "MS-ASAIRS 2.2.2.12");
                    bodyPreferences.Add(BodyPreferenceReader.Read(reader, child));
                    break;
                case AirSyncBase.BodyPartPreference:
                    reader.RequireVersion(SyncVersionRules.AllowsBodyPartPreference(reader.Version), child, "MS-ASAIRS 2.2.2.11");
                    bodyPartPreferences.Add(BodyPreferenceReader.Read(reader, child));
                    break;
                case RightsManagement.RightsManagementSupport:
                    reader.RequireVersion(SyncVersionRules.AllowsRightsManagementSupport(reader.Version), child, "MS-ASRM 2.2.2.15");
                    reader.Once(ref rightsManagement, child, reader.Flag(child));
                    break;
                default:
                    throw reader.Unexpected(options, child);
            }
        }

        return new SyncOptions
        {
            Class = optionsClass,
            FilterType = (SyncFilterType?)filterType,
            Conflict = (SyncConflictResolution?)conflict,
            MimeSupport = (SyncMimeSupport?)mimeSupport,
            MimeTruncation = (int?)mimeTruncation,
            Truncation = (int?)truncation,
            MaxItems = maxItems,
            RightsManagementSupport = rightsManagement,
            BodyPreferences = bodyPreferences.ToImmutable(),
            BodyPartPreferences = bodyPartPreferences.ToImmutable(),
        };
    }
}
