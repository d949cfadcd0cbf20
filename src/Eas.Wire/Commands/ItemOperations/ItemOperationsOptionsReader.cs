using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// Parses the Options of ItemOperations operations (MS-ASCMD 2.2.3.125.3). An option that does not fit
/// its operation is a protocol error, as the spec's status 2 says.
/// </summary>
internal static class ItemOperationsOptionsReader
{
    public static ItemOperationsFetchOptions ReadFetchOptions(in RequestReader reader, WbxmlElement options)
    {
        WbxmlElement? schema = null;
        string? range = null, userName = null, password = null;
        long? mimeSupport = null;
        bool? rightsManagement = null;
        var bodyPreferences = ImmutableArray.CreateBuilder<BodyPreference>();
        var bodyPartPreferences = ImmutableArray.CreateBuilder<BodyPreference>();
        foreach (var child in reader.Container(options).Children)
        {
            switch (child.Tag)
            {
                case IoPage.Schema:
                    reader.Once(ref schema, child, reader.Container(child));
                    break;
                case IoPage.Range:
                    reader.Once(ref range, child, reader.NonEmptyText(child));
                    break;
                case IoPage.UserName:
                    reader.Once(ref userName, child, reader.Text(child));
                    break;
                case IoPage.Password:
                    reader.Once(ref password, child, reader.Text(child));
                    break;
                case AirSync.MIMESupport:
                    reader.Once(ref mimeSupport, child, reader.Number(child, 0, (long)SyncMimeSupport.Always));
                    break;
                case AirSyncBase.BodyPreference:
                    bodyPreferences.Add(BodyPreferenceReader.Read(reader, child));
                    break;
                case AirSyncBase.BodyPartPreference:
                    reader.RequireVersion(ItemOperationsVersionRules.AllowsBodyPartPreference(reader.Version), child, "MS-ASAIRS 2.2.2.11");
                    bodyPartPreferences.Add(BodyPreferenceReader.Read(reader, child));
                    break;
                case RightsManagement.RightsManagementSupport:
                    reader.RequireVersion(ItemOperationsVersionRules.AllowsRightsManagement(reader.Version), child, "MS-ASRM 2.2.2.15");
                    reader.Once(ref rightsManagement, child, reader.Flag(child));
                    break;
                default:
                    throw reader.Unexpected(options, child);
            }
        }

        return new ItemOperationsFetchOptions
        {
            Schema = schema,
            Range = range,
            UserName = userName,
            Password = password,
            MimeSupport = (SyncMimeSupport?)mimeSupport,
            RightsManagementSupport = rightsManagement,
            BodyPreferences = bodyPreferences.ToImmutable(),
            BodyPartPreferences = bodyPartPreferences.ToImmutable(),
        };
    }

    /// <summary>Reads Options that may hold only one empty flag element (DeleteSubFolders, MoveAlways).</summary>
    public static bool ReadSingleFlag(in RequestReader reader, WbxmlElement options, ushort flag)
    {
        var present = false;
        foreach (var child in reader.Container(options).Children)
        {
            if (child.Tag != flag || present) throw reader.Unexpected(options, child);
            reader.Empty(child);
            present = true;
        }

        return present;
    }
}
