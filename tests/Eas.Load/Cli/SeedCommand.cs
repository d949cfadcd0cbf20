using System.CommandLine;
using System.Globalization;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using Spectre.Console;

namespace Eas.Load.Cli;

/// <summary><c>eas-load seed</c>: appends N realistic plain-text messages to a user's INBOX over IMAP.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--imap-host") { Description = "IMAP server; must be loopback.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = CommonOptions.Positive(new Option<int>("--imap-port") { Description = "IMAP port (plain, no TLS).", Required = true });
        var user = new Option<string>("--user") { Description = "IMAP login of the mailbox to fill.", Required = true };
        var password = CommonOptions.Password();
        var count = CommonOptions.Positive(new Option<int>("--count") { Description = "Messages to append.", Required = true });
        var size = CommonOptions.SizeBytes();
        var parallel = CommonOptions.Positive(new Option<int>("--parallel") { Description = "IMAP sessions appending side by side.", DefaultValueFactory = _ => 4 });
        var maxSeconds = CommonOptions.MaxSeconds();
        var command = new Command("seed", "Append N plain-text messages to a user's INBOX by IMAP APPEND.")
        {
            host, port, user, password, count, size, parallel, maxSeconds,
        };
        command.SetAction(async (result, token) =>
        {
            if (CommonOptions.ResolvePassword(result.GetValue(password)) is not { } secret) return 2;
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(result.GetValue(maxSeconds)), token);
            string address;
            try
            {
                address = (await LoopbackGuard.ResolveAsync(result.GetValue(host)!, deadline.Token)).ToString();
            }
            catch (LoopbackViolationException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] {e.Message}");
                return 2;
            }

            var total = result.GetValue(count);
            var login = result.GetValue(user)!;
            var endpoint = new PlainImap(address, result.GetValue(port));
            var seeder = new ImapSeeder(endpoint, login, secret, new MessageFactory(login, result.GetValue(size), total));
            SeedResult? outcome = null;
            await AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("IMAP APPEND", maxValue: total);
                    outcome = await seeder.RunAsync(total, result.GetValue(parallel), () => task.Increment(1), deadline);
                    task.StopTask();
                });
            Report(outcome!);
            return outcome!.Written == total && outcome.Errors == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Report(SeedResult outcome)
    {
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Appended {outcome.Written:N0} of {outcome.Requested:N0} messages ({outcome.Bytes / 1048576.0:0.0} MiB) in {outcome.Elapsed.TotalSeconds:0.00} s: {outcome.MessagesPerSecond:N0} messages/s; errors {outcome.Errors}"));
        if (outcome.FirstError is { } error) AnsiConsole.MarkupLineInterpolated($"[red]First error:[/] {error}");
        if (outcome.StopReason is { } reason) AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped:[/] {reason}");
    }
}
