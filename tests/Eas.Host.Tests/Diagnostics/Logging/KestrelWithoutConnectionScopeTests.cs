using Eas.Host.Diagnostics.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace Eas.Host.Tests.Diagnostics.Logging;

/// <summary>Kestrel's general category opens no log scope (its connection scope, held per connection); its messages and every other category's scopes pass.</summary>
public sealed class KestrelWithoutConnectionScopeTests
{
    [Fact]
    public void Kestrels_general_category_opens_no_scope_and_still_logs()
    {
        using var services = ServerServices(out var sink);
        var loggers = services.GetRequiredService<ILoggerFactory>();

        var kestrel = loggers.CreateLogger(KestrelWithoutConnectionScope.KestrelCategory);
        using (kestrel.BeginScope(new Dictionary<string, object> { ["ConnectionId"] = "0HN1" }))
        {
            kestrel.LogWarning("Heartbeat took longer than expected");
        }

        kestrel.BeginScope("connection").ShouldBeNull();
        var written = sink.Events.ShouldHaveSingleItem();
        written.MessageTemplate.Text.ShouldBe("Heartbeat took longer than expected");
        written.Properties.ContainsKey("ConnectionId").ShouldBeFalse();
    }

    [Fact]
    public void Other_categories_keep_their_scopes()
    {
        using var services = ServerServices(out var sink);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Server.Kestrel.Connections");

        using (logger.BeginScope(new Dictionary<string, object> { ["ConnectionId"] = "0HN1" }))
        {
            logger.LogWarning("Connection reset");
        }

        sink.Events.ShouldHaveSingleItem().Properties["ConnectionId"].ToString().ShouldBe("\"0HN1\"");
    }

    private static ServiceProvider ServerServices(out Recording sink)
    {
        var builder = WebApplication.CreateSlimBuilder();
        sink = new Recording();
        builder.Services.AddSingleton<ILogEventSink>(sink);
        builder.AddServerLogging();
        return builder.Services.BuildServiceProvider();
    }

    private sealed class Recording : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events) Events.Add(logEvent);
        }
    }
}
