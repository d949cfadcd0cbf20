using Eas.Load.Eas;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.Abuse;

/// <summary>
/// Runs the abuse scenarios one after the other against a running server and prints one table: the phones that
/// misbehave (a body hang-up, an oversized Sync, a Ping loop) first, then the wrong-password storms, against one
/// account and spread over many, each with a control user signing in meanwhile. A scenario that fails is a row
/// saying why; the others still run.
/// </summary>
internal static class AbuseRun
{
    public static async Task<int> RunAsync(AbuseTarget target, AbuseSettings settings, RunDeadline deadline)
    {
        using var http = LoopbackHttp.CreateClient(settings.PingRate * 2 + 8);
        var token = deadline.Token;
        Func<Task<AbuseResult>>[] scenarios =
        [
            () => HungUpBodies.RunAsync(http, target, settings.HangUps, token),
            () => OversizedSync.RunAsync(http, target, settings.SyncItems, token),
            () => PingLoop.RunAsync(http, target, settings.PingRate, settings.PingSeconds, token),
            () => SignInStorm.RunAsync(target, "Wrong-password storm, one account", settings.StormRequests, settings.StormConcurrency, 1, token),
            () => SignInStorm.RunAsync(target, $"Wrong-password storm, {settings.StormAccounts} accounts", settings.StormRequests, settings.StormConcurrency, settings.StormAccounts, token),
        ];
        var results = new List<AbuseResult>();
        var failed = false;
        foreach (var scenario in scenarios)
        {
            if (deadline.IsOver) break;
            try
            {
                var result = await scenario();
                AnsiConsole.WriteLine($"{result.Scenario}: {result.Answers} in {result.Time}; {result.Figures}");
                results.Add(result);
            }
            catch (Exception e) when (e is EasCallException or HttpRequestException or TimeoutException || (e is OperationCanceledException && deadline.IsOver))
            {
                failed = true;
                results.Add(new AbuseResult("(failed)", "", e.Message, "", ""));
            }
        }

        var table = new Table().Title("eas-load abuse").Border(TableBorder.Rounded);
        foreach (var column in new[] { "Scenario", "Sent", "Answers", "Time", "Figures" }) table.AddColumn(column);
        foreach (var row in results) table.AddRow(Markup.Escape(row.Scenario), Markup.Escape(row.Sent), Markup.Escape(row.Answers), Markup.Escape(row.Time), Markup.Escape(row.Figures));
        AnsiConsole.Write(table);
        if (deadline.IsOver) AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped early:[/] {deadline.StopReason}");
        return failed || deadline.IsOver ? 1 : 0;
    }
}
