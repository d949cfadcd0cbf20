using System.CommandLine;
using Eas.Load.Abuse;
using Eas.Load.Bench;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.Cli;

/// <summary>
/// <c>eas-load abuse</c>: a server under abuse, as an attacker and broken phones would try it: wrong-password
/// storms with a control user signing in meanwhile, a Ping loop, an oversized Sync and bodies cut off mid-way.
/// Against a running server (<c>--url</c>, with a real account's <c>--user</c> and password) or, without it,
/// against a private Dovecot and the Release server it starts.
/// </summary>
internal static class AbuseCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "A running server (http://127.0.0.1:PORT), loopback only; without it a private Dovecot and the Release server are started." };
        var user = new Option<string?>("--user") { Description = "With --url: a real account whose phones misbehave and whose fresh sign-ins are the control." };
        var password = CommonOptions.Password();
        var domain = new Option<string>("--domain") { Description = "The domain of the storm's made-up account names.", DefaultValueFactory = _ => AbuseBench.Domain };
        var stormRequests = CommonOptions.Positive(new Option<int>("--storm-requests") { Description = "Wrong-password sign-ins per storm.", DefaultValueFactory = _ => 2_000 });
        var stormConcurrency = CommonOptions.Positive(new Option<int>("--storm-concurrency") { Description = "Storm sign-ins at once.", DefaultValueFactory = _ => 100 });
        var stormAccounts = CommonOptions.Positive(new Option<int>("--storm-accounts") { Description = "Accounts the second storm is spread over.", DefaultValueFactory = _ => 200 });
        var pingRate = CommonOptions.Positive(new Option<int>("--ping-rate") { Description = "Pings a second of the looping device.", DefaultValueFactory = _ => 50 });
        var pingSeconds = CommonOptions.Positive(new Option<int>("--ping-seconds") { Description = "How long the Ping loop lasts.", DefaultValueFactory = _ => 10 });
        var syncItems = CommonOptions.Positive(new Option<int>("--sync-items") { Description = "Fetch items in the oversized Sync.", DefaultValueFactory = _ => 100_000 });
        var hangUps = CommonOptions.Positive(new Option<int>("--hang-ups") { Description = "Requests that hang up in the middle of their body.", DefaultValueFactory = _ => 5 });
        var serverDll = new Option<string?>("--server-dll") { Description = $"Without --url: the server to run (default: <repository>/{RepositoryPaths.ServerDll})." };
        var keep = new Option<bool>("--keep-data") { Description = "Without --url: keep the temporary directory afterwards." };
        var maxSeconds = CommonOptions.MaxSeconds();
        var command = new Command("abuse", "Abuse a server as attackers and broken phones do, and print how it held up.")
        {
            url, user, password, domain, stormRequests, stormConcurrency, stormAccounts, pingRate, pingSeconds, syncItems, hangUps, serverDll, keep, maxSeconds,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(url) is not null && result.GetValue(user) is null) result.AddError("--url needs --user (and --password or $" + CommonOptions.PasswordVariable + ").");
        });
        command.SetAction(async (result, token) =>
        {
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(result.GetValue(maxSeconds)), token);
            var settings = new AbuseSettings(
                result.GetValue(stormRequests), result.GetValue(stormConcurrency), result.GetValue(stormAccounts),
                result.GetValue(pingRate), result.GetValue(pingSeconds), result.GetValue(syncItems), result.GetValue(hangUps));
            if (result.GetValue(url) is not { } given) return await AbuseBench.RunAsync(settings, result.GetValue(serverDll), result.GetValue(keep), deadline);
            if (CommonOptions.ResolvePassword(result.GetValue(password)) is not { } secret) return 2;
            try
            {
                var (checkedUrl, address) = await LoopbackGuard.CheckUrlAsync(given, deadline.Token);
                var root = new Uri(checkedUrl.GetLeftPart(UriPartial.Authority));
                return await AbuseRun.RunAsync(new AbuseTarget(root, address, result.GetValue(user)!, secret, result.GetValue(domain)!, null), settings, deadline);
            }
            catch (LoopbackViolationException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
