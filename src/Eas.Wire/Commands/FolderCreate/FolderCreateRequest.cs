using Eas.Wire.CodePages;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.FolderCreate;

/// <summary>
/// A FolderCreate request (MS-ASCMD 2.2.1.3): create a folder named <see cref="DisplayName"/> under
/// <see cref="ParentId"/> ("0" for the root). All four children are required in every version.
/// </summary>
/// <param name="SyncKey">The current hierarchy SyncKey (2.2.3.181.1).</param>
/// <param name="ParentId">The parent folder's server id, "0" for the root (ParentId).</param>
/// <param name="DisplayName">The new folder's name (DisplayName).</param>
/// <param name="Type">The folder type; clients create the user-created types 1 and 12-17 (Type).</param>
public sealed record FolderCreateRequest(string SyncKey, string ParentId, string DisplayName, FolderType Type)
{
    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a FolderCreate request.</exception>
    public static FolderCreateRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var fields = FolderRequestFields.Read(new RequestReader(EasCommand.FolderCreate, version), root, FolderHierarchy.FolderCreate, FolderHierarchy.SyncKey, FolderHierarchy.ParentId, FolderHierarchy.DisplayName, FolderHierarchy.Type);
        return new(fields.SyncKey, fields.ParentId, fields.DisplayName, fields.Type);
    }
}
