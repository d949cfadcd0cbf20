using Eas.Wire.Wbxml;

namespace Eas.Actors.Devices;

/// <summary>
/// How many fetched bytes one ItemOperations response may still carry. Bytes served on the asking node stream from
/// temporary files, so the limits there are about disk and the multipart format (32-bit offsets, MS-ASCMD
/// 2.2.1.10.1.1.1), not memory. A reply that crosses to another node carries its bytes inside the message, so
/// there the whole response gets <see cref="CrossNodeBytes"/>, what the remote transport's frame is sized for.
/// The allowance also holds the contents it let through until the response takes them (<see cref="HandOver"/>):
/// disposed before that, because a later operation failed, it disposes them and their temporary files go.
/// </summary>
public sealed class FetchAllowance(long itemBytes, long responseBytes) : IDisposable
{
    /// <summary>The largest attachment one Fetch serves unless configured otherwise (<see cref="DeviceActorSettings.MaxFetchBytes"/>).</summary>
    public const long DefaultItemBytes = 256L * 1024 * 1024;

    /// <summary>All fetched bytes of one response served on the asking node.</summary>
    public const long ResponseBytes = 1024L * 1024 * 1024;

    /// <summary>All fetched bytes of one response (or one GetAttachment body) whose reply crosses between nodes.</summary>
    public const long CrossNodeBytes = 32L * 1024 * 1024;

    private readonly List<BinaryContent> _held = [];
    private long _left = responseBytes;

    /// <summary>The allowance for a request: <see cref="CrossNodeBytes"/> when its reply leaves the node, else <see cref="ResponseBytes"/>.</summary>
    public static FetchAllowance For(DeviceRequest request, DeviceActorSettings settings) =>
        new(settings.MaxFetchBytes, request.ReplyLeavesNode ? CrossNodeBytes : ResponseBytes);

    /// <summary>The most bytes the next fetch may bring.</summary>
    public long NextCap => Math.Min(itemBytes, _left);

    /// <summary>Counts and holds the content of a fetch that is served.</summary>
    public BinaryContent Take(BinaryContent content)
    {
        _left = Math.Max(0, _left - content.Length);
        _held.Add(content);
        return content;
    }

    /// <summary>The response has taken the contents: disposing the allowance leaves them alone.</summary>
    public void HandOver() => _held.Clear();

    /// <summary>Disposes the contents not handed over.</summary>
    public void Dispose()
    {
        foreach (var content in _held) content.Dispose();
        _held.Clear();
    }
}
