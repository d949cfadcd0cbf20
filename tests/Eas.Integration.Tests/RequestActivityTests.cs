using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Integration.Tests;

/// <summary>
/// ASP.NET Core's hosting layer starts an Activity and a log scope for a request whenever its diagnostics logger is
/// enabled, and keeps them for the request's life (an hour for a parked Ping). The server turns that category off
/// and writes its line per request with Serilog's request logging, which must not bring them back.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class RequestActivityTests(DovecotFixture dovecot)
{
    [Fact]
    public async Task A_logged_request_runs_without_an_Activity()
    {
        var probe = new ActivityProbe();
        var logs = new LogCapture();
        await using var server = await ServerInstance.StartAsync(dovecot, null, builder =>
        {
            logs.AddTo(builder);
            builder.Services.AddSingleton<IStartupFilter>(probe);
        });
        var user = MailboxUser.Create(dovecot, "activity");
        var phone = server.Phone(user.Address, user.Password, "Activity1", "14.1");
        await phone.ProvisionAsync();

        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1");

        (await logs.WaitForAsync(e => e.EventId == 1000 && e.Message.StartsWith("FolderSync ", StringComparison.Ordinal))).ShouldNotBeEmpty("the request log is on");
        probe.Seen.Count.ShouldBeGreaterThanOrEqualTo(3);
        probe.Seen.ShouldAllBe(activity => activity == null);
    }

    /// <summary>Notes, at the very start of each request's pipeline, the Activity the hosting layer left current.</summary>
    private sealed class ActivityProbe : IStartupFilter
    {
        public ConcurrentQueue<string?> Seen { get; } = new();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                Seen.Enqueue(Activity.Current?.OperationName);
                await rest(context);
            });
            next(app);
        };
    }
}
