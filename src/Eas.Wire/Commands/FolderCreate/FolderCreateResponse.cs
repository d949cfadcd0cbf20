using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.FolderCreate;

/// <summary>A FolderCreate response (MS-ASCMD 2.2.1.3, 2.2.3.72): Status, then on success SyncKey and ServerId.</summary>
public sealed record FolderCreateResponse(FolderCreateStatus Status) : IEasResponse
{
    /// <summary>The new hierarchy SyncKey (2.2.3.181.1); written when not null.</summary>
    public string? SyncKey { get; init; }

    /// <summary>The new folder's server id (ServerId); written when not null.</summary>
    public string? ServerId { get; init; }

    /// <summary>Writes the response: Status, SyncKey, ServerId.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(FolderHierarchy.FolderCreate);
        writer.WriteStatus(FolderHierarchy.Status, Status);
        writer.WriteOptional(FolderHierarchy.SyncKey, SyncKey);
        writer.WriteOptional(FolderHierarchy.ServerId, ServerId);
        writer.EndElement();
    }
}
