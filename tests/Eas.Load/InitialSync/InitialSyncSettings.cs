namespace Eas.Load.InitialSync;

/// <summary>
/// What an initial-sync run does: against which ActiveSync URL (already checked to be loopback), as whom,
/// with how many simulated phones, which window, truncation and protocol version; whose RSS to sample; and,
/// when the caller knows it, how many items each phone should end up with.
/// </summary>
internal sealed record InitialSyncSettings(
    Uri Endpoint, string User, string Password, int Devices, int WindowSize, int Truncation, string Version,
    int? ServerProcessId = null, int? ExpectedItems = null)
{
    public static readonly TimeSpan RssInterval = TimeSpan.FromMilliseconds(500);
}
