using System.Diagnostics;

namespace Eas.Host.Tests.Diagnostics;

/// <summary>Recording from many threads while scraping, and the cost of recording a known tag set.</summary>
public sealed class PrometheusCollectorConcurrencyTests
{
    [Fact]
    public async Task Concurrent_recording_loses_nothing_and_concurrent_scrapes_stay_valid()
    {
        using var test = new CollectorUnderTest();
        var requests = test.Meter.CreateCounter<long>("eas.requests", "{request}", "Requests.");
        var duration = test.Meter.CreateHistogram<double>("eas.request.duration", "s", "Durations.");
        string[] commands = ["Sync", "Ping", "FolderSync", "Settings"];
        const int PerThread = 20_000;
        using var stop = new CancellationTokenSource();
        var scraping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scrapes = Task.Factory.StartNew(() =>
        {
            var count = 0;
            do
            {
                test.Scrape();
                scraping.TrySetResult();
                count++;
            }
            while (!stop.IsCancellationRequested);
            return count;
        }, TaskCreationOptions.LongRunning);

        await scraping.Task;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var command = new KeyValuePair<string, object?>("command", commands[(thread + i) % commands.Length]);
                requests.Add(1, command, new KeyValuePair<string, object?>("status", "200"));
                duration.Record(0.001 * (i % 100), command);
            }
        })));
        await stop.CancelAsync();
        (await scrapes).ShouldBeGreaterThan(1);

        var scrape = test.Scrape();
        scrape.Sum("eas_requests_total").ShouldBe(8 * PerThread);
        scrape.Sum("eas_request_duration_seconds_count").ShouldBe(8 * PerThread);
        foreach (var command in commands) scrape.Single("eas_requests_total", ("command", command)).ShouldBe(2 * PerThread);
    }

    [Fact]
    public void Recording_a_known_tag_set_allocates_nothing()
    {
        using var test = new CollectorUnderTest();
        var requests = test.Meter.CreateCounter<long>("eas.requests", "{request}", "Requests.");
        var duration = test.Meter.CreateHistogram<double>("eas.request.duration", "s", "Durations.");
        var command = new KeyValuePair<string, object?>("command", "Sync");
        var status = new KeyValuePair<string, object?>("status", "200");
        for (var i = 0; i < 100; i++) Record();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) Record();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBeLessThan(1_000, "recording 20,000 measurements of known tag sets should not allocate per measurement");
        test.Scrape().Single("eas_requests_total").ShouldBe(10_100);

        void Record()
        {
            requests.Add(1, command, status);
            duration.Record(0.01, command, status);
        }
    }

    [Fact]
    public void A_scrape_of_fifty_instruments_and_hundreds_of_series_takes_well_under_a_millisecond()
    {
        using var test = new CollectorUnderTest(scopeLabels: true);
        for (var i = 0; i < 40; i++)
        {
            var counter = test.Meter.CreateCounter<long>($"eas.counter{i}", "{x}", "A counter.");
            for (var j = 0; j < 8; j++) counter.Add(j, new KeyValuePair<string, object?>("kind", $"k{j}"), new KeyValuePair<string, object?>("status", "200"));
        }

        for (var i = 0; i < 10; i++)
        {
            var histogram = test.Meter.CreateHistogram<double>($"eas.duration{i}", "s", "A histogram.");
            for (var j = 0; j < 8; j++) histogram.Record(0.01 * j, new KeyValuePair<string, object?>("command", $"c{j}"));
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 * 1024);
        for (var i = 0; i < 50; i++)
        {
            buffer.ResetWrittenCount();
            test.Collector.Collect(buffer);
        }

        const int Scrapes = 200;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Scrapes; i++)
        {
            buffer.ResetWrittenCount();
            test.Collector.Collect(buffer);
        }

        var perScrape = watch.Elapsed / Scrapes;
        perScrape.ShouldBeLessThan(TimeSpan.FromMilliseconds(5), $"one scrape took {perScrape.TotalMicroseconds:F0} µs");
        test.Scrape().Samples.Count().ShouldBe(40 * 8 + 10 * 8 * (17 + 1 + 2));
    }
}
