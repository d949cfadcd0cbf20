using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Lists;
using Eas.Actors.Diagnostics;
using Akka.Hosting;
using Eas.Actors.Cluster;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sending;
using Eas.Actors.Timing;
using Eas.Host.Admin;
using Eas.Host.Auth;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Live;
using Eas.Host.Diagnostics.Logging;
using Eas.Host.Diagnostics.Exposition;
using Eas.Host.Endpoints;
using Eas.Host.Hosting;
using Eas.Host.Limits;
using Eas.Host.Options;
using Eas.Wire.Wbxml;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace Eas.Host;

/// <summary>Composes the server: configuration, logging, services, endpoints. Nothing else happens here.</summary>
public static class ServerHost
{
    /// <summary>
    /// Builds the web application from the command line (<c>--urls</c>, <c>--Eas:DataDir=...</c>), environment and
    /// appsettings.json; <paramref name="configure"/> runs last, so tests can replace a service (the clock).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (builder.Configuration["config"] is { Length: > 0 } file)
        {
            // --config FILE (/etc/eas-server/appsettings.json, config/cluster/): after appsettings.json, before the
            // environment (the unit's secrets.env) and the command line, which both still win over it.
            var sources = builder.Configuration.Sources;
            var environment = sources.Select((source, index) => (source, index))
                .LastOrDefault(s => s.source is EnvironmentVariablesConfigurationSource { Prefix: null or "" }, (null!, sources.Count)).index;
            var json = new JsonConfigurationSource { Path = Path.GetFullPath(file), Optional = false, ReloadOnChange = false };
            json.ResolveFileProvider();
            sources.Insert(environment, json);
        }

        builder.AddServerLogging();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.AddNodeLimits();

        var services = builder.Services;
        services.AddOptions<EasOptions>().Bind(builder.Configuration.GetSection(EasOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServerMetrics>();
        services.AddMetricsExport(builder.Configuration);
        services.AddLiveDiagnostics();
        services.AddSingleton<IMailAuthenticator>(sp =>
            new ImapAuthenticator(ImapServerFrom(sp)) { Metrics = sp.GetRequiredService<ImapMetrics>() });
        services.AddSingleton(sp =>
        {
            var auth = sp.GetRequiredService<IOptions<EasOptions>>().Value.Auth;
            return new VerifiedCredentialCache(TimeSpan.FromSeconds(auth.CacheSeconds), auth.CacheSize, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new SignInProtection(
            sp.GetRequiredService<IOptions<EasOptions>>().Value.Auth, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ServerMetrics>(), sp.GetRequiredService<ILogger<SignInProtection>>()));
        services.AddSingleton<SignInService>();
        services.AddSingleton<IMailSessionFactory>(sp =>
            new ImapMailSessionFactory(ImapServerFrom(sp) with { CommandTimeout = TimeSpan.FromMinutes(2) })
            {
                Metrics = sp.GetRequiredService<ImapMetrics>(),
                Logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Eas.Actors.Mailboxes.Imap.ImapMailSession"),
            });
        services.AddSingleton<IMailWatcherFactory>(sp =>
            new ImapMailWatcherFactory(ImapServerFrom(sp)) { Metrics = sp.GetRequiredService<ImapMetrics>() });
        services.AddSingleton<Eas.Actors.Mailboxes.Pim.IPimStoreFactory>(sp => PimComposition.From(
            sp.GetRequiredService<IOptions<EasOptions>>().Value.Pim, sp.GetRequiredService<ILoggerFactory>(), sp.GetService<Eas.Actors.Sync.Pim.PimCodecs>()));
        services.AddSingleton(sp => new PushMetrics(sp.GetRequiredService<ServerMetrics>().Meter));
        services.AddSingleton(sp => new SyncMetrics(sp.GetRequiredService<ServerMetrics>().Meter));
        services.AddSingleton(sp => new ImapMetrics(sp.GetRequiredService<ServerMetrics>().Meter));
        services.AddLdapGal(builder.Configuration);
        AdminAuthenticator.Validate(builder.Configuration.GetSection(EasOptions.Section).GetSection("Admin").Get<AdminOptions>() ?? new());
        _ = PimComposition.From(builder.Configuration.GetSection(EasOptions.Section).GetSection("Pim").Get<PimOptions>() ?? new());
        services.AddSingleton(Endpoints.DovecotPush.DovecotPushGate.From(builder.Configuration.GetSection(EasOptions.Section).GetSection("Push").GetSection("Webhook").Get<PushWebhookOptions>() ?? new()));
        var licenseTerms = LicenseTermsReader.Read(builder.Configuration.GetSection(EasOptions.Section).GetSection("License").Get<LicenseOptions>() ?? new());
        services.AddSingleton(sp => new EntityCounts(sp.GetRequiredService<ServerMetrics>().Meter));
        services.AddSingleton(sp => new JournalMetrics(sp.GetRequiredService<ServerMetrics>().Meter));
        services.AddSingleton(sp => new AuditReader(sp.GetRequiredService<Akka.Actor.ActorSystem>()));
        services.AddSingleton(sp => new DeviceListIndex(sp.GetRequiredService<ActorRegistry>().Get<DeviceListIndexActor>(), AccessRegions.DefaultDeadline));
        services.AddSingleton(sp => new DeviceListing(sp.GetRequiredService<Akka.Actor.ActorSystem>(), sp.GetRequiredService<DeviceRegion>(), sp.GetRequiredService<DeviceListIndex>()));
        services.AddSingleton<DirectoryView>();
        services.AddGal();
        services.AddSingleton(sp => new ClusterStats(sp.GetRequiredService<ServerMetrics>().Meter));
        services.AddSingleton(sp => AccessRegions.From(sp.GetRequiredService<ActorRegistry>(), sp.GetRequiredService<DirectoryView>()));
        services.AddSingleton(sp => new MailboxRegion(sp.GetRequiredService<ActorRegistry>().Get<AccountEntityActor>()));
        services.AddSingleton(sp => new DeadlineWheel(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(1)));
        services.AddSingleton(sp => new DeviceRegion(
            sp.GetRequiredService<ActorRegistry>().Get<AccountEntityActor>(), sp.GetRequiredService<DeadlineWheel>(), sp.GetRequiredService<ClusterStats>(),
            ClusterSettingsFrom(sp.GetRequiredService<IOptions<EasOptions>>().Value.Cluster).Shards, sp.GetRequiredService<ILoggerFactory>().CreateLogger<DeviceRegion>()));
        services.AddAkka(ClusterSettings.SystemName, (akka, sp) =>
        {
            var options = sp.GetRequiredService<IOptions<EasOptions>>().Value;
            var cluster = ClusterSettingsFrom(options.Cluster);
            LegacyStateImportAtStart.Run(options.DataDir, JournalOptionsFrom(options), options.Persistence.ImportTestPause, sp);
            // Akka's own log (cluster membership, remoting, dead letters) goes through the host's logger factory, so
            // it reaches the Serilog sinks in their format instead of Akka's stdout logger; akka.loglevel stays WARNING.
            akka.ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = Akka.Event.LogLevel.WarningLevel;
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            akka.WithEasCluster(cluster)
                .WithEasClusterSerialization(options.Requests.MaxBodyBytes)
                .WithEasPersistence(JournalOptionsFrom(options), EasManifests.Table)
                .WithAuditLog()
                .WithEasActors(ActorComposition.From(sp, licenseTerms), cluster.Shards);
        });
        services.AddSingleton<AdminAuthenticator>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddSingleton(sp => CommandCatalog.Default(WbxmlLimits.Default, sending: sp.GetRequiredService<IOptions<EasOptions>>().Value.Smtp.Enabled));
        services.AddSingleton(sp => new RequestLogging(sp.GetRequiredService<Serilog.ILogger>()));
        services.AddSingleton<ActiveSyncEndpoint>();
        services.AddHostedService<ActorSystemLifetime>();

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseConnectionCap();
        app.Services.GetRequiredService<RequestLogging>().Use(app);
        ActiveSyncEndpoint.Map(app);
        AutodiscoverEndpoint.Map(app);
        Endpoints.DovecotPush.DovecotPushEndpoint.Map(app);
        AdminEndpoints.Map(app);
        Admin.WebConsole.ConsoleEndpoints.Map(app);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapMetricsEndpoint();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            _ = app.Services.GetRequiredService<DeviceRegion>();
            _ = app.Services.GetRequiredService<AccessRegions>().License.StatusAsync().ContinueWith(_ => { }, TaskScheduler.Default);
            var options = app.Services.GetRequiredService<IOptions<EasOptions>>().Value;
            HostLog.Started(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Eas.Host"),
                Path.GetFullPath(options.DataDir), options.Imap.Host, options.Imap.Port, options.Imap.Security.ToString());
        });
        return app;
    }

    private static JournalOptions JournalOptionsFrom(EasOptions options) => new()
    {
        Provider = options.Persistence.Provider,
        ConnectionString = options.Persistence.ConnectionString,
        DataDirectory = Path.GetFullPath(options.DataDir),
        Load = options.Persistence.Load(),
    };

    private static ClusterSettings ClusterSettingsFrom(Options.ClusterOptions cluster) => new()
    {
        Host = cluster.Host,
        Port = cluster.Port,
        Seeds = cluster.Seeds,
        Shards = cluster.Shards,
        AcceptableHeartbeatPause = cluster.AcceptableHeartbeatPauseSeconds is { } pause ? TimeSpan.FromSeconds(pause) : null,
        StableAfter = TimeSpan.FromSeconds(cluster.StableAfterSeconds),
    };

    internal static SmtpMailSubmitter? SubmitterFrom(SmtpOptions smtp) => !smtp.Enabled ? null : new(
        new SmtpSubmissionSettings(smtp.Host, smtp.Port, smtp.Security)
        {
            AcceptAnyCertificate = smtp.AcceptAnyCertificate,
            Timeout = TimeSpan.FromSeconds(smtp.TimeoutSeconds),
            DataTimeout = TimeSpan.FromSeconds(smtp.DataTimeoutSeconds),
        });

    /// <summary>The out-of-office store on the configured Sieve server (defaults from the IMAP settings); null when switched off.</summary>
    internal static Eas.Actors.OutOfOffice.SieveOofStore? OofStoreFrom(EasOptions options, ILogger logger)
    {
        var sieve = options.Sieve;
        if (!sieve.Enabled) return null;
        var security = sieve.Security ?? (options.Imap.Security == ImapSecurity.None ? Eas.Mail.Sieve.SieveSecurity.None : Eas.Mail.Sieve.SieveSecurity.StartTls);
        var server = new Eas.Mail.Sieve.SieveServer(string.IsNullOrWhiteSpace(sieve.Host) ? options.Imap.Host : sieve.Host, sieve.Port)
        {
            Security = security,
            AcceptAnyCertificate = options.Imap.AcceptAnyCertificate,
            Timeout = TimeSpan.FromSeconds(sieve.TimeoutSeconds),
        };
        return new(server, logger);
    }

    /// <summary>The configured IMAP server with the node's one <see cref="ImapLoginGate"/>, which every kind of session signs in through.</summary>
    private static ImapServer ImapServerFrom(IServiceProvider services) =>
        ImapServerFrom(services.GetRequiredService<IOptions<EasOptions>>().Value.Imap) with { LoginGate = services.GetRequiredService<ImapLoginGate>() };

    private static ImapServer ImapServerFrom(ImapOptions imap) =>
        new(imap.Host, imap.Port, imap.Security) { AcceptAnyCertificate = imap.AcceptAnyCertificate, Timeout = TimeSpan.FromSeconds(imap.TimeoutSeconds) };

    /// <summary>The configured policy; a setting name MS-ASPROV does not define stops the start with the names at fault.</summary>
    internal static DevicePolicy PolicyFrom(ProvisioningOptions provisioning)
    {
        var unknown = provisioning.Policy.Keys.Where(name => !PolicyDocuments.IsKnownSetting(name)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Eas:Provisioning:Policy names settings EASProvisionDoc does not have (MS-ASPROV 2.2.2.27): {string.Join(", ", unknown)}.");
        return new(provisioning.Required, provisioning.AllowNonProvisionableDevices, provisioning.Policy.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    internal static uint NewPolicyKey()
    {
        uint key;
        do key = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4)); while (key == 0);
        return key;
    }
}
