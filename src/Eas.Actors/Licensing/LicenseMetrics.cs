using System.Diagnostics.Metrics;

namespace Eas.Actors.Licensing;

/// <summary>License instruments on the server's meter: slots licensed, held and free, read when scraped.</summary>
public sealed class LicenseMetrics
{
    private long _held;
    private long _total;

    public LicenseMetrics(Meter meter)
    {
        meter.CreateObservableGauge("eas.license.slots.held", () => Volatile.Read(ref _held), "{account}", "Accounts holding an ActiveSync license slot.");
        meter.CreateObservableGauge("eas.license.slots.licensed", () => Volatile.Read(ref _total), "{account}", "ActiveSync license slots (0 once a trial has expired).");
        meter.CreateObservableGauge("eas.license.slots.free", () => Math.Max(0, Volatile.Read(ref _total) - Volatile.Read(ref _held)), "{account}", "ActiveSync license slots no account holds.");
    }

    internal void Update(int held, int total)
    {
        Volatile.Write(ref _held, held);
        Volatile.Write(ref _total, total);
    }
}
