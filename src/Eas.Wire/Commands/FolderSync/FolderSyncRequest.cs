using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using Eas.Wire.CodePages;

namespace Eas.Wire.Commands.FolderSync;

/// <summary>
/// A FolderSync request (MS-ASCMD 2.2.1.5): the client's hierarchy SyncKey, "0" for the first sync. The
/// same in every protocol version. An empty SyncKey is kept (and answered Status 9 as a mismatched key).
/// </summary>
/// <param name="SyncKey">The hierarchy synchronization key, at most 64 characters (2.2.3.181.2).</param>
public sealed record FolderSyncRequest(string SyncKey)
{
    /// <summary>The longest SyncKey the schema allows.</summary>
    public const int MaxSyncKeyLength = 64;

    /// <summary>The SyncKey of a first (or restarted) hierarchy sync (MS-ASCMD 2.2.3.181.2).</summary>
    public const string InitialSyncKey = "0";

    /// <summary>Whether this is a first (or restarted) hierarchy sync, SyncKey 0.</summary>
    public bool IsInitial => SyncKey == InitialSyncKey;

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a FolderSync request.</exception>
    public static FolderSyncRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var reader = new RequestReader(EasCommand.FolderSync, version);
        reader.ExpectRoot(root, FolderHierarchy.FolderSync);
        string? syncKey = null;
        foreach (var child in root.Children)
        {
            if (child.Tag != FolderHierarchy.SyncKey) throw reader.Unexpected(root, child);
            reader.Once(ref syncKey, child, SyncKeyText(reader, child));
        }

        return new FolderSyncRequest(syncKey ?? throw reader.Missing(root, FolderHierarchy.SyncKey));
    }

    /// <summary>
    /// A hierarchy SyncKey of at most 64 characters. An empty one is read as a key (one the server never issued):
    /// MS-ASCMD 2.2.3.177.5 answers a "malformed or mismatched synchronization key" with Status 9, not with the
    /// protocol error 10 that a request of the wrong shape gets; the folder commands share the rule.
    /// </summary>
    internal static string SyncKeyText(in RequestReader reader, WbxmlElement element)
    {
        var text = reader.Text(element);
        if (text.Length > MaxSyncKeyLength)
            throw reader.Fail(element.Tag, $"the SyncKey is {text.Length} characters long; at most {MaxSyncKeyLength} are allowed");
        return text;
    }
}
