using Eas.Load.Measuring;

namespace Eas.Load.InitialSync;

/// <summary>
/// What an initial-sync run does: against which ActiveSync URL (already checked to be loopback), as whom,
/// with how many simulated phones, which window, truncation and protocol version; whose RSS to sample; and,
/// when the caller knows it, how many items each phone should end up with; which process trees' CPU time to
/// account (this tool's own is always accounted); how many windows a separate device syncs first, unmeasured,
/// so that the figures are those of a warm server (JIT done, IMAP session open) rather than a fresh process.
/// With <see cref="Users"/> each device signs in as its own account (device <c>i</c> as <c>Users[(i - 1) mod count]</c>,
/// the warm-up device as the first), all with <see cref="Password"/>; without, every device is <see cref="User"/>.
/// </summary>
internal sealed record InitialSyncSettings(
    Uri Endpoint, string User, string Password, int Devices, int WindowSize, int Truncation, string Version,
    int? ServerProcessId = null, int? ExpectedItems = null, IReadOnlyList<CpuSource>? CpuSources = null,
    int WarmupWindows = 0, SyncedFolder? Folder = null, IReadOnlyList<string>? Users = null)
{
    public static readonly TimeSpan RssInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The account device <paramref name="index"/> (1-based; 0 is the warm-up device) signs in as.</summary>
    public string UserOf(int index) => Users is { Count: > 0 } users ? users[Math.Max(0, index - 1) % users.Count] : User;
}
