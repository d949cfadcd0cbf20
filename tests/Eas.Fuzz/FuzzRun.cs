using System.Diagnostics;
using System.Globalization;

namespace Eas.Fuzz;

/// <summary>
/// The fuzz loop: per round one mutated WBXML request to <see cref="WbxmlTarget"/> and one mutated request
/// line to <see cref="RequestLineTarget"/>, until the count or the time bound is reached, then the summary.
/// Single-threaded, so that <c>--seed</c> reproduces a run input for input.
/// </summary>
internal static class FuzzRun
{
    private const int WbxmlMaxLength = 64 * 1024;
    private const long ProgressEvery = 250_000;

    public static int Execute(FuzzOptions options)
    {
        var random = new Random(options.Seed);
        var wbxmlSeeds = WbxmlSeeds.All;
        var lineSeeds = RequestLineSeeds.All;
        var findings = new Findings(options.CrashDirectory, options.Seed);
        var wbxml = new WbxmlTarget(findings);
        var lines = new RequestLineTarget(findings);
        var wbxmlMutator = new Mutator(random, [.. wbxmlSeeds.Select(s => s.Bytes)], Dictionaries.Wbxml, WbxmlMaxLength);
        var lineMutator = new RequestLineMutator(random, lineSeeds);

        Console.WriteLine($"Eas.Fuzz: seed {options.Seed}, count {options.Count:N0} per target, time bound {options.Seconds} s");
        Console.WriteLine($"Seed corpus: {wbxmlSeeds.Count} WBXML requests ({wbxmlSeeds.Sum(s => s.Bytes.Length):N0} bytes), {lineSeeds.Count} request lines ({lineSeeds.Count(s => s.Token is not null)} base64)");
        CheckSeedsAccepted(findings, wbxmlSeeds, lineSeeds);

        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(options.Seconds);
        var timedOut = false;
        using (var watchdog = new Watchdog(findings, TimeSpan.FromSeconds(30)))
        {
            for (long i = 0; i < options.Count; i++)
            {
                if ((i & 1023) == 0 && clock.Elapsed >= deadline)
                {
                    timedOut = true;
                    break;
                }

                var seed = wbxmlSeeds[random.Next(wbxmlSeeds.Count)];
                var input = wbxmlMutator.Mutate(seed.Bytes);
                watchdog.Begin("wbxml", i, input, null);
                wbxml.Run(i, input, tightLimits: random.Next(8) == 0);

                var (query, headers) = lineMutator.Next();
                watchdog.Begin("requestline", i, [], query);
                lines.Run(i, query, headers);

                if ((i + 1) % ProgressEvery == 0)
                    Console.WriteLine($"  {i + 1:N0} rounds, {clock.Elapsed.TotalSeconds:0.0} s, {findings.Crashes} crashes");
            }
        }

        clock.Stop();
        PrintSummary(options, wbxml, lines, findings, clock.Elapsed, timedOut);
        return findings.Crashes + findings.InvariantFailures == 0 ? 0 : 1;
    }

    /// <summary>A seed the codec refuses would make the corpus useless; say so before fuzzing.</summary>
    private static void CheckSeedsAccepted(Findings findings, IReadOnlyList<Seed> wbxmlSeeds, IReadOnlyList<RequestLineSeed> lineSeeds)
    {
        var wbxml = new WbxmlTarget(findings);
        var lines = new RequestLineTarget(findings);
        foreach (var seed in wbxmlSeeds) wbxml.Run(-1, seed.Bytes, tightLimits: false);
        foreach (var seed in lineSeeds) lines.Run(-1, seed.Query, seed.Headers);
        if (wbxml.Decoded != wbxmlSeeds.Count || lines.Parsed != lineSeeds.Count)
            Console.WriteLine($"WARNING: only {wbxml.Decoded}/{wbxmlSeeds.Count} WBXML seeds and {lines.Parsed}/{lineSeeds.Count} request-line seeds are accepted unmutated.");
    }

    private static void PrintSummary(FuzzOptions options, WbxmlTarget wbxml, RequestLineTarget lines, Findings findings, TimeSpan elapsed, bool timedOut)
    {
        var total = wbxml.Inputs + lines.Inputs;
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        Console.WriteLine();
        Console.WriteLine(timedOut
            ? $"Stopped by the time bound ({options.Seconds} s) before the count of {options.Count:N0}."
            : $"Done: {options.Count:N0} rounds.");
        Console.WriteLine($"Inputs:               {total,12:N0}");
        Console.WriteLine($"  WBXML decoder:      {wbxml.Inputs,12:N0}   decoded {wbxml.Decoded,10:N0} ({Percent(wbxml.Decoded, wbxml.Inputs)})   rejected {wbxml.Rejected,10:N0} ({Percent(wbxml.Rejected, wbxml.Inputs)})");
        Console.WriteLine($"  Request-line parser:{lines.Inputs,12:N0}   parsed  {lines.Parsed,10:N0} ({Percent(lines.Parsed, lines.Inputs)})   rejected {lines.Rejected,10:N0} ({Percent(lines.Rejected, lines.Inputs)})");
        Console.WriteLine($"Crashes:              {findings.Crashes,12:N0}");
        Console.WriteLine($"Broken invariants:    {findings.InvariantFailures,12:N0}   (round trips of decoded documents, contract of parsed request lines)");
        Console.WriteLine($"Elapsed:              {elapsed.TotalSeconds,12:0.0} s");
        Console.WriteLine($"Throughput:           {total / seconds,12:N0} inputs/s   (one thread)");
        PrintReasons("WBXML rejections", wbxml.Reasons);
        PrintReasons("Request-line rejections", lines.Reasons);
        if (findings.Saved > 0)
            Console.WriteLine($"Saved {findings.Saved} distinct finding(s) under {findings.Directory}");
    }

    private static void PrintReasons(string title, RejectionTally reasons)
    {
        Console.WriteLine($"{title}, {reasons.Distinct} distinct reasons, most frequent:");
        foreach (var (reason, count) in reasons.Top(12))
            Console.WriteLine($"  {count,10:N0}  {reason}");
    }

    private static string Percent(long part, long whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
