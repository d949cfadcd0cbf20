using System.Diagnostics.Metrics;
using Eas.Host.Limits;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Host.Tests.Limits;

/// <summary>
/// The connection cap derived from the descriptor limit (proc_pid_limits(5)), and the admission that counts
/// connections against it: past the cap a connection is refused (answered 503 with Retry-After, MS-ASHTTP
/// 3.1.5.2.3) instead of the process running out of descriptors.
/// </summary>
public sealed class ConnectionCapTests
{
    private const string Limits = """
        Limit                     Soft Limit           Hard Limit           Units     
        Max cpu time              unlimited            unlimited            seconds   
        Max open files            20000                1048576              files     
        Max locked memory         8388608              8388608              bytes     
        """;

    [Fact]
    public void The_soft_limit_is_read_from_the_max_open_files_row()
    {
        ProcessDescriptors.ParseSoftLimit(Limits).ShouldBe(20_000);
        ProcessDescriptors.ParseSoftLimit(Limits.Replace("20000               ", "unlimited           ", StringComparison.Ordinal)).ShouldBeNull();
        ProcessDescriptors.ParseSoftLimit("Limit  Soft Limit\nMax processes  100  100  processes\n").ShouldBeNull();
    }

    [Fact]
    public void This_process_has_a_descriptor_limit_and_open_descriptors_under_it_on_Linux()
    {
        if (!OperatingSystem.IsLinux()) return;
        var limit = ProcessDescriptors.Limit();
        limit.ShouldNotBeNull();
        ProcessDescriptors.Open().ShouldNotBeNull().ShouldBeInRange(3, (int)limit.Value);
    }

    [Theory]
    [InlineData(20_000, 17_488)]
    [InlineData(1_048_576, 943_207)]
    [InlineData(1_024, 410)]
    [InlineData(20_800, 18_208)]
    [InlineData(256, 64)]
    public void The_default_cap_is_the_limit_less_a_tenth_and_512_but_never_below_a_quarter(long limit, int cap)
    {
        var derived = ConnectionCap.From(limit, reserve: null, maxConnections: null);

        derived.Cap.ShouldBe(cap);
        derived.DescriptorLimit.ShouldBe(limit);
        derived.HardStop.ShouldBe(cap + Math.Max(64, cap / 20));
        derived.HardStop!.Value.ShouldBeLessThanOrEqualTo(limit);
    }

    /// <summary>
    /// Under 1,024 descriptors the node held 344 at rest (the runtime keeps its loaded assemblies open) before any phone:
    /// the cap, the refusals in flight up to Kestrel's stop, a command session per account of 150 and the 32 sign-ins at
    /// once must fit beside them, or the journal cannot open its files and the runtime dies (push-bench, 1,500 devices).
    /// </summary>
    [Fact]
    public void The_default_reserve_under_1024_descriptors_holds_what_the_node_has_open_at_rest_and_the_IMAP_sessions_of_150_accounts()
    {
        const int atRest = 344;
        const int imapSessions = 150 + 32;
        var derived = ConnectionCap.From(1_024, reserve: null, maxConnections: null);

        (derived.HardStop!.Value + atRest + imapSessions).ShouldBeLessThan(1_024);
    }

    [Fact]
    public void A_configured_reserve_or_maximum_wins_over_the_default()
    {
        ConnectionCap.From(20_000, reserve: 4_000, maxConnections: null).Cap.ShouldBe(16_000);
        ConnectionCap.From(20_000, reserve: null, maxConnections: 5).Cap.ShouldBe(5);
        ConnectionCap.From(20_000, reserve: null, maxConnections: 5).HardStop.ShouldBe(69);
    }

    [Fact]
    public void Without_a_known_limit_there_is_no_cap_unless_one_is_configured()
    {
        ConnectionCap.From(null, null, null).Cap.ShouldBeNull();
        ConnectionCap.From(null, null, null).HardStop.ShouldBeNull();
        ConnectionCap.From(null, null, 100).Cap.ShouldBe(100);
    }

    [Fact]
    public void A_cap_below_one_or_a_negative_reserve_stops_the_start()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ConnectionCap.From(20_000, null, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => ConnectionCap.From(20_000, -1, null));
    }

    [Fact]
    public void MS_ASHTTP_3_1_5_2_3_connections_past_the_cap_are_not_admitted_refusals_are_counted_and_a_closed_one_makes_room()
    {
        using var meter = new Meter("Eas.Server");
        var refused = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "eas.connections.refused") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref refused, value));
        listener.Start();
        var admission = new ConnectionAdmission(ConnectionCap.From(20_000, null, 2), TimeSpan.FromSeconds(30), meter, NullLogger.Instance);

        admission.TryAdmit().ShouldBeTrue();
        admission.TryAdmit().ShouldBeTrue();
        admission.TryAdmit().ShouldBeFalse();
        admission.Refuse();
        admission.TryAdmit().ShouldBeFalse();
        admission.Refuse();
        admission.Open.ShouldBe(2);
        admission.Leave();

        admission.TryAdmit().ShouldBeTrue();
        admission.Open.ShouldBe(2);
        Interlocked.Read(ref refused).ShouldBe(2);
    }

    [Fact]
    public void Connections_over_the_cap_get_places_up_to_the_hard_stop_and_a_closed_one_makes_room()
    {
        var cap = ConnectionCap.From(20_000, null, 2);
        var admission = new ConnectionAdmission(cap, TimeSpan.FromSeconds(30), null, NullLogger.Instance);
        admission.TryAdmit().ShouldBeTrue();
        admission.TryAdmit().ShouldBeTrue();

        for (var i = 0; i < cap.HardStop!.Value - 2; i++) admission.TryStartOverCap().ShouldBeTrue();
        admission.TryStartOverCap().ShouldBeFalse("the hard stop counts admitted and over-cap connections together");
        admission.OverCap.ShouldBe(cap.HardStop.Value - 2);
        admission.EndOverCap();
        admission.TryStartOverCap().ShouldBeTrue();
        admission.Leave();
        admission.TryStartOverCap().ShouldBeTrue("an admitted connection that closed makes room too");
        admission.TryStartOverCap().ShouldBeFalse();
    }

    [Fact]
    public void Without_a_cap_every_connection_is_admitted()
    {
        var admission = new ConnectionAdmission(ConnectionCap.From(null, null, null), TimeSpan.FromSeconds(30), null, NullLogger.Instance);

        for (var i = 0; i < 1_000; i++) admission.TryAdmit().ShouldBeTrue();
        admission.Open.ShouldBe(1_000);
        admission.TryStartOverCap().ShouldBeTrue("no hard stop either");
    }
}
