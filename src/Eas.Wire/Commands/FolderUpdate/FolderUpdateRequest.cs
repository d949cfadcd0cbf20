using Eas.Wire.CodePages;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.FolderUpdate;

/// <summary>
/// A FolderUpdate request (MS-ASCMD 2.2.1.6): rename folder <see cref="ServerId"/> to
/// <see cref="DisplayName"/> and/or move it under <see cref="ParentId"/>. All four children are required
/// in every version.
/// </summary>
/// <param name="SyncKey">The current hierarchy SyncKey (2.2.3.181.1).</param>
/// <param name="ServerId">The folder to update (ServerId).</param>
/// <param name="ParentId">The (new) parent's server id, "0" for the root (ParentId).</param>
/// <param name="DisplayName">The (new) name (DisplayName).</param>
public sealed record FolderUpdateRequest(string SyncKey, string ServerId, string ParentId, string DisplayName)
{
    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a FolderUpdate request.</exception>
    public static FolderUpdateRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var fields = FolderRequestFields.Read(new RequestReader(EasCommand.FolderUpdate, version), root, FolderHierarchy.FolderUpdate, FolderHierarchy.SyncKey, FolderHierarchy.ServerId, FolderHierarchy.ParentId, FolderHierarchy.DisplayName);
        return new(fields.SyncKey, fields.ServerId, fields.ParentId, fields.DisplayName);
    }
}
