using Eas.Load.Measuring;

namespace Eas.Load.InitialSync;

/// <summary>
/// What an initial-sync run does: against which ActiveSync URL (already checked to be loopback), as whom,
/// with how many simulated phones, which window, truncation and protocol version; whose RSS to sample; and,
/// when the caller knows it, how many items each phone should end up with; which process trees' CPU time to
/// account (this tool's own is always accounted).
/// </summary>
internal sealed record InitialSyncSettings(
    Uri Endpoint, string User, string Password, int Devices, int WindowSize, int Truncation, string Version,
    int? ServerProcessId = null, int? ExpectedItems = null, IReadOnlyList<CpuSource>? CpuSources = null)
{
    public static readonly TimeSpan RssInterval = TimeSpan.FromMilliseconds(500);
}
