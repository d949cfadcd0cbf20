using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Eas.Actors.Diagnostics;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Tests.Diagnostics;

public sealed class SyncMetricsTests
{
    [Fact]
    public void Items_are_counted_by_class_and_direction()
    {
        using var meter = new Meter("Eas.Server");
        using var log = new MeasurementLog(meter);
        var metrics = new SyncMetrics(meter);
        ImmutableArray<SyncClientCommand> received = [new SyncClientDelete("1:5"), new SyncClientFetch("1:6")];
        ImmutableArray<SyncServerCommand> sent = [new SyncServerDelete("1:7"), new SyncServerDelete("1:8"), new SyncServerDelete("1:9")];

        metrics.Exchanged(SyncMetrics.Email, received, sent);
        metrics.Exchanged(SyncMetrics.Email, default, []);

        var items = log.Of("eas.sync.items");
        items.Where(m => (string)m.Tags["direction"]! == "received").Sum(m => m.Value).ShouldBe(2);
        items.Where(m => (string)m.Tags["direction"]! == "sent").Sum(m => m.Value).ShouldBe(3);
        items.ShouldAllBe(m => (string)m.Tags["class"]! == "email");
    }
}
