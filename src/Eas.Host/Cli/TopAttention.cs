using Eas.Host.Admin;

namespace Eas.Host.Cli;

/// <summary>
/// The devices <c>top</c> shows as waiting for an admin: quarantined ones and those with a wipe not yet acknowledged.
/// The server reads them from its device list index (no device is woken); they change rarely, so they are read at most
/// every <see cref="Every"/>, not every frame.
/// </summary>
internal sealed class TopAttention(AdminApi api)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private Devices? _last;
    private DateTimeOffset _readAt;

    /// <summary>The two lists at one reading.</summary>
    public sealed record Devices(IReadOnlyList<DeviceSummary> Quarantined, IReadOnlyList<DeviceSummary> WipePending);

    public async Task<Devices> ReadAsync(CancellationToken cancellationToken)
    {
        if (_last is not null && DateTimeOffset.UtcNow - _readAt < Every) return _last;
        _last = new Devices(
            await api.GetAsync<List<DeviceSummary>>("/devices/quarantined", cancellationToken),
            await api.GetAsync<List<DeviceSummary>>("/devices/wipe-pending", cancellationToken));
        _readAt = DateTimeOffset.UtcNow;
        return _last;
    }
}
