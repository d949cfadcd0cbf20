using System.CommandLine;
using Eas.Host.Diagnostics.Live;
using Spectre.Console;

namespace Eas.Host.Cli;

/// <summary>
/// <c>eas-server top</c>: a live view of a running server from <c>GET /admin/api/stats</c>, read every
/// <c>--interval</c> seconds; each screen is a <see cref="TopFrame"/> of the last two readings. <c>--once</c>
/// reads twice, prints one frame and exits (for scripts and tests). Ctrl-C ends it. Exit codes as for
/// <c>admin</c>: 1 refused by the API, 2 server unreachable.
/// </summary>
internal static class TopCommand
{
    /// <param name="handler">Where the API's requests go instead of the network (tests); the network when null.</param>
    public static Command Create(HttpMessageHandler? handler = null)
    {
        var connection = new AdminConnection(handler);
        var interval = new Option<double>("--interval") { Description = "Seconds between readings.", DefaultValueFactory = _ => 1 };
        var once = new Option<bool>("--once") { Description = "Print one frame (after two readings) and exit." };
        var top = new Command("top", "Watch a running server: request rates, errors, Pings, busiest devices, CPU and memory.") { interval, once };
        connection.AddTo(top, withJson: false);
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0.1 or > 3600) result.AddError("--interval must be between 0.1 and 3600 seconds.");
        });
        top.SetAction((result, token) => connection.RunAsync(result, async (api, output) =>
        {
            var every = TimeSpan.FromSeconds(result.GetValue(interval));
            var server = result.GetValue(connection.Url)!;
            var console = CliConsole.For(output);
            try
            {
                var previous = await api.GetAsync<StatsSnapshot>("/stats", token);
                var attention = new TopAttention(api);
                if (result.GetValue(once))
                {
                    await Task.Delay(every, token);
                    console.Write(TopView.Render(TopFrame.From(previous, await api.GetAsync<StatsSnapshot>("/stats", token)), server, await attention.ReadAsync(token)));
                    return;
                }

                await console.Live(new Text("Reading the server's stats…")).StartAsync(async live =>
                {
                    while (true)
                    {
                        await Task.Delay(every, token);
                        var current = await api.GetAsync<StatsSnapshot>("/stats", token);
                        live.UpdateTarget(TopView.Render(TopFrame.From(previous, current), server, await attention.ReadAsync(token)));
                        previous = current;
                    }
                });
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
        }));
        return top;
    }
}
