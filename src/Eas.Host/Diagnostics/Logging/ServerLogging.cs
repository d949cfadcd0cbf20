using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Eas.Host.Diagnostics.Logging;

/// <summary>
/// The server's Serilog pipeline: the console, at the level <c>Eas:LogLevel</c> (Information unless set), with the
/// framework's own categories at Warning, plus any <see cref="ILogEventSink"/> registered as a service (the tests read
/// what the server logged that way). Every <see cref="Microsoft.Extensions.Logging.ILogger"/> of the host writes here,
/// and so does the request log (<see cref="RequestLogging"/>).
/// </summary>
internal static class ServerLogging
{
    /// <summary>
    /// Registers Serilog as the host's logger factory, with a logger of this host's own: the static
    /// <see cref="Log.Logger"/> is left alone, so two servers in one process (as in the integration tests) keep their
    /// logs apart. Serilog's factory is wrapped so Kestrel keeps no log scope per connection (<see cref="KestrelWithoutConnectionScope"/>).
    /// </summary>
    public static void AddServerLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        var configuration = builder.Configuration;
        builder.Services.AddSerilog((services, logger) => Configure(logger, configuration, services.GetServices<ILogEventSink>()), preserveStaticLogger: true);
        var serilog = builder.Services.Last(service => service.ServiceType == typeof(ILoggerFactory));
        builder.Services.Remove(serilog);
        builder.Services.AddSingleton<ILoggerFactory>(services => new KestrelWithoutConnectionScope((ILoggerFactory)serilog.ImplementationFactory!(services)));
    }

    private static void Configure(LoggerConfiguration logger, IConfiguration configuration, IEnumerable<ILogEventSink> extraSinks)
    {
        var level = Enum.TryParse<LogEventLevel>(configuration["Eas:LogLevel"], true, out var parsed) ? parsed : LogEventLevel.Information;
        logger.MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            // While its logger is enabled at any level, ASP.NET Core's hosting layer gives every request a log scope
            // and an Activity and keeps them for the request's life: for a parked Ping that is an hour. The request log
            // (RequestLogging) writes the one line per request, so this category is off altogether.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}");
        foreach (var sink in extraSinks) logger.WriteTo.Sink(sink);
    }
}
