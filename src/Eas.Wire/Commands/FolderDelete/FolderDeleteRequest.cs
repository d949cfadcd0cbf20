using Eas.Wire.CodePages;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.FolderDelete;

/// <summary>
/// A FolderDelete request (MS-ASCMD 2.2.1.4): delete folder <see cref="ServerId"/> and everything in it.
/// Both children are required in every version.
/// </summary>
/// <param name="SyncKey">The current hierarchy SyncKey (2.2.3.181.1).</param>
/// <param name="ServerId">The folder to delete (ServerId).</param>
public sealed record FolderDeleteRequest(string SyncKey, string ServerId)
{
    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a FolderDelete request.</exception>
    public static FolderDeleteRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var fields = FolderRequestFields.Read(new RequestReader(EasCommand.FolderDelete, version), root, FolderHierarchy.FolderDelete, FolderHierarchy.SyncKey, FolderHierarchy.ServerId);
        return new(fields.SyncKey, fields.ServerId);
    }
}
