using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Wire.Commands.Ping;

/// <summary>
/// A Ping response (MS-ASCMD 2.2.1.13, 2.2.3.136): the status, the changed folders with
/// <see cref="PingStatus.ChangesFound"/>, the folder limit with <see cref="PingStatus.TooManyFolders"/>,
/// the allowed interval with <see cref="PingStatus.InvalidHeartbeatInterval"/>.
/// </summary>
public sealed record PingResponse(PingStatus Status) : IEasResponse
{
    /// <summary>Server ids of the folders that changed (2.2.3.71.2).</summary>
    public ImmutableArray<string> Folders { get; init; } = [];

    /// <summary>The most folders one Ping may watch (2.2.3.102).</summary>
    public int? MaxFolders { get; init; }

    /// <summary>The shortest or longest interval allowed, when the requested one was out of range (2.2.3.88.1).</summary>
    public int? HeartbeatInterval { get; init; }

    /// <summary>Writes the response: Status, Folders, MaxFolders, HeartbeatInterval.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(PingPage.PingElement);
        writer.WriteStatus(PingPage.Status, Status);
        if (!Folders.IsDefaultOrEmpty)
        {
            writer.StartElement(PingPage.Folders);
            foreach (var folder in Folders) writer.WriteElementString(PingPage.Folder, folder);
            writer.EndElement();
        }

        writer.WriteOptional(PingPage.MaxFolders, MaxFolders);
        writer.WriteOptional(PingPage.HeartbeatInterval, HeartbeatInterval);
        writer.EndElement();
    }
}
