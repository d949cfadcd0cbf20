using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Wire.Commands.Ping;

/// <summary>
/// A Ping request (MS-ASCMD 2.2.1.13): watch these folders for this long. Both parts are optional: the
/// server caches the last ones per device, so a client may send only what changed, or an empty
/// <c>&lt;Ping/&gt;</c> (or no body at all) to reuse both; the host answers
/// <see cref="PingStatus.MissingParameters"/> when it has nothing cached. No element of the Ping namespace
/// depends on the protocol version.
/// </summary>
public sealed record PingRequest
{
    /// <summary>Seconds to wait for changes (2.2.3.88.1); null to reuse the cached interval.</summary>
    public int? HeartbeatInterval { get; init; }

    /// <summary>The folders to watch (2.2.3.75.2); null to reuse the cached list, never empty.</summary>
    public ImmutableArray<PingFolder>? Folders { get; init; }

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a Ping request.</exception>
    public static PingRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var reader = new RequestReader(EasCommand.Ping, version);
        reader.ExpectRoot(root, PingPage.PingElement);
        int? heartbeat = null;
        ImmutableArray<PingFolder>? folders = null;
        foreach (var child in root.Children)
        {
            switch (child.Tag)
            {
                case PingPage.HeartbeatInterval:
                    // Any decimal number is a heartbeat: one past the server's bounds, however large, is Status 5 with
                    // the bound (MS-ASCMD 2.2.3.177.11), not a syntax error.
                    reader.Once(ref heartbeat, child, (int)Math.Min(reader.Number(child, 0, long.MaxValue), int.MaxValue));
                    break;
                case PingPage.Folders:
                    reader.Once(ref folders, child, ReadFolders(reader, child));
                    break;
                default:
                    throw reader.Unexpected(root, child);
            }
        }

        return new PingRequest { HeartbeatInterval = heartbeat, Folders = folders };
    }

    /// <summary>
    /// The classes a Ping folder can have (Class, MS-ASCMD 2.2.3.27.4); any other makes the folder list bad, which
    /// is the request's syntax error, Status 4 (2.2.3.177.11).
    /// </summary>
    private static readonly string[] FolderClasses = ["Email", "Calendar", "Contacts", "Tasks", "Notes", "SMS"];

    private static string FolderClass(in RequestReader reader, WbxmlElement element)
    {
        var text = reader.NonEmptyText(element);
        return FolderClasses.Contains(text, StringComparer.Ordinal)
            ? text
            : throw reader.Fail(element.Tag, $"Ping:Class is '{RequestValues.Quote(text)}', not one of {string.Join(", ", FolderClasses)}");
    }

    private static ImmutableArray<PingFolder> ReadFolders(in RequestReader reader, WbxmlElement folders)
    {
        var list = ImmutableArray.CreateBuilder<PingFolder>();
        foreach (var folder in reader.NonEmptyContainer(folders).Children)
        {
            if (folder.Tag != PingPage.Folder) throw reader.Unexpected(folders, folder);
            string? id = null;
            string? folderClass = null;
            foreach (var child in reader.Container(folder).Children)
            {
                switch (child.Tag)
                {
                    case PingPage.Id:
                        reader.Once(ref id, child, reader.NonEmptyText(child, 64));
                        break;
                    case PingPage.Class:
                        reader.Once(ref folderClass, child, FolderClass(reader, child));
                        break;
                    default:
                        throw reader.Unexpected(folder, child);
                }
            }

            list.Add(new PingFolder(
                id ?? throw reader.Missing(folder, PingPage.Id),
                folderClass ?? throw reader.Missing(folder, PingPage.Class)));
        }

        return list.ToImmutable();
    }
}
