using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.FolderDelete;

/// <summary>A FolderDelete response (MS-ASCMD 2.2.1.4, 2.2.3.73): Status, then on success the new SyncKey.</summary>
public sealed record FolderDeleteResponse(FolderDeleteStatus Status) : IEasResponse
{
    /// <summary>The new hierarchy SyncKey; written when not null.</summary>
    public string? SyncKey { get; init; }

    /// <summary>Writes the response: Status, SyncKey.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(FolderHierarchy.FolderDelete);
        writer.WriteStatus(FolderHierarchy.Status, Status);
        writer.WriteOptional(FolderHierarchy.SyncKey, SyncKey);
        writer.EndElement();
    }
}
