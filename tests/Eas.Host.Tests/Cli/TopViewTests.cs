using Eas.Host.Admin;
using Eas.Host.Cli;
using Eas.Host.Diagnostics.Live;

namespace Eas.Host.Tests.Cli;

/// <summary>
/// <c>top</c>'s table of devices waiting for an admin (quarantined, wipe pending): drawn from the given lists alone, at the
/// fixed width of a console that is not a terminal (<see cref="CliConsole"/>).
/// </summary>
public sealed class TopViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly TopFrame Frame = TopFrame.From(Snapshot(0), Snapshot(2));

    private static StatsSnapshot Snapshot(double at) => new(
        T0.AddSeconds(at), 100 + at, [new CommandStats("Sync", 10, 0, 0, 100, 20, 20)], new PushStats(0, 0, 0), new ActorStats(1, 1),
        new ProcessStats(1, 100 << 20, 50 << 20, 0, 20, 4, 0, 2),
        new BusiestList<BusyDevice>(90, 0, []), new BusiestList<BusyAccount>(90, 0, []));

    private static DeviceSummary Quarantined(string id, string? account, string? type) =>
        new(id, type, "16.1", "Apple-iPhone/2101", T0.AddMinutes(-30), T0, false) { Account = account };

    private static DeviceSummary WipePending(string id, string account) =>
        new(id, "Android", "14.1", null, T0.AddDays(-3), T0, true) { Account = account, Wipe = new WipeSummary(WipeSummary.Pending, false, T0.AddHours(-2), "admin:root", null, null) };

    private static string[] Draw(TopAttention.Devices? attention)
    {
        var text = new StringWriter();
        CliConsole.For(text).Write(TopView.Render(Frame, "http://eas.example.test", attention));
        return text.ToString().Split('\n');
    }

    /// <summary>The lines of the waiting table: from its header to the end of the frame.</summary>
    private static string[] Waiting(string[] lines) =>
        [.. lines.SkipWhile(line => !line.Contains("Quarantined / wipe pending", StringComparison.Ordinal)).Where(line => line.Trim().Length > 0 && !line.Trim().All(c => c is '─' or '-' or '━' or '═' or ' '))];

    [Fact]
    public void Quarantined_devices_come_first_with_type_and_first_contact_then_pending_wipes_with_when_they_were_ordered()
    {
        var lines = Waiting(Draw(new TopAttention.Devices([Quarantined("Phone9", "mike@ox.io", "iPhone")], [WipePending("Lost1", "anna@ox.io")])));

        lines[0].ShouldMatch(@"Quarantined / wipe pending\s+Account\s+Type\s+Since");
        lines[1].ShouldMatch(@"^\s*Phone9\s+mike@ox\.io\s+quarantined iPhone\s+2026-12-01 07:30Z\s*$");
        lines[2].ShouldMatch(@"^\s*Lost1\s+anna@ox\.io\s+wipe pending\s+2026-12-01 06:00Z\s*$");
        lines.Length.ShouldBe(3);
    }

    [Fact]
    public void What_a_device_has_not_reported_is_a_dash()
    {
        var lines = Waiting(Draw(new TopAttention.Devices([Quarantined("Bare", null, null)], [])));

        lines[1].ShouldMatch(@"^\s*Bare\s+-\s+quarantined -\s+2026-12-01 07:30Z\s*$");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_list_or_empty_lists_show_none(bool read)
    {
        var lines = Waiting(Draw(read ? new TopAttention.Devices([], []) : null));

        lines.Length.ShouldBe(2);
        lines[1].Trim().ShouldBe("(none)");
    }

    [Fact]
    public void Each_list_shows_at_most_ten_devices_and_the_frame_keeps_the_fixed_width()
    {
        var many = Enumerable.Range(0, 15).Select(i => Quarantined($"Q{i:00}", "mike@ox.io", "iPhone")).ToList();
        var wipes = Enumerable.Range(0, 12).Select(i => WipePending($"W{i:00}", "anna@ox.io")).ToList();

        var lines = Draw(new TopAttention.Devices(many, wipes));

        var waiting = Waiting(lines)[1..];
        waiting.Count(line => line.Contains("quarantined iPhone", StringComparison.Ordinal)).ShouldBe(10);
        waiting.Count(line => line.Contains("wipe pending", StringComparison.Ordinal)).ShouldBe(10);
        waiting.ShouldNotContain(line => line.Contains("Q10", StringComparison.Ordinal) || line.Contains("W10", StringComparison.Ordinal));
        lines.ShouldAllBe(line => line.Length <= 200);
        Draw(new TopAttention.Devices(many, wipes)).ShouldBe(lines);
    }
}
