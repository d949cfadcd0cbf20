using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Diagnostics;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Live;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Hosting;

/// <summary>Builds the actors' settings from the host's services and options: the one place they are wired together.</summary>
internal static class ActorComposition
{
    public static EasActorsComposition From(IServiceProvider services, LicenseTerms licenseTerms)
    {
        var options = services.GetRequiredService<IOptions<EasOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var meter = services.GetRequiredService<ServerMetrics>().Meter;
        var license = new LicenseActorSettings(licenseTerms)
        {
            Metrics = new LicenseMetrics(meter),
            Clock = clock,
            Logger = loggers.CreateLogger<LicenseActor>(),
            SnapshotEvery = options.Persistence.SnapshotEvery,
        };
        var directory = new DirectoryActorSettings { Clock = clock, SnapshotEvery = options.Persistence.SnapshotEvery };
        return new EasActorsComposition(
            () => Accounts(services, options, clock), license, directory, services.GetRequiredService<DirectoryView>(), services.GetRequiredService<ClusterStats>())
        {
            DeviceLists = new Eas.Actors.Devices.Lists.DeviceListIndexSettings { Clock = clock, SnapshotEvery = options.Persistence.SnapshotEvery },
        };
    }

    private static AccountEntitySettings Accounts(IServiceProvider services, EasOptions options, TimeProvider clock)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var access = services.GetRequiredService<AccessRegions>();
        var journal = services.GetRequiredService<JournalMetrics>();
        var snapshotEvery = options.Persistence.SnapshotEvery;
        var idle = TimeSpan.FromMinutes(5);
        var mailboxes = services.GetRequiredService<MailboxRegion>();
        var mailbox = new MailboxActorSettings(
            services.GetRequiredService<IMailSessionFactory>(), services.GetRequiredService<IMailWatcherFactory>(), services.GetRequiredService<PushMetrics>())
        {
            Entity = new EntityChildOptions("mailbox", idle, snapshotEvery, journal),
            WatchWindow = TimeSpan.FromSeconds(options.Ping.WatchWindowSeconds),
            CommandSessionIdle = TimeSpan.FromSeconds(options.Imap.CommandSessionIdleSeconds),
            Push = options.Push.Mode,
            SafetyNetInterval = TimeSpan.FromSeconds(Math.Max(1, options.Push.SafetyNetSeconds)),
            Pim = services.GetRequiredService<Eas.Actors.Mailboxes.Pim.IPimStoreFactory>(),
            Clock = clock,
            Logger = loggers.CreateLogger<MailboxActor>(),
        };
        var device = new DeviceActorSettings(ServerHost.PolicyFrom(options.Provisioning), ServerHost.NewPolicyKey)
        {
            Entity = new EntityChildOptions("device", idle, snapshotEvery, journal),
            Mailboxes = mailboxes,
            AsksThroughEntity = true,
            MailboxDeadline = TimeSpan.FromSeconds(Math.Max(5, options.Requests.CommandDeadlineSeconds - 5)),
            MaxFetchBytes = options.Requests.MaxFetchBytes,
            MaxDraftAttachmentBytes = options.Requests.MaxDraftAttachmentBytes,
            Ping = new PingLimits(options.Ping.MinHeartbeatSeconds, options.Ping.MaxHeartbeatSeconds, options.Ping.MaxFolders),
            ParkedDeviceIdle = options.Ping.ParkedDeviceIdleSeconds > 0 ? TimeSpan.FromSeconds(options.Ping.ParkedDeviceIdleSeconds) : null,
            Budgets = new RequestBudgetLimits(options.Budgets.RequestBurst, options.Budgets.RequestsPerMinute, options.Budgets.PingBurst, options.Budgets.PingsPerMinute),
            Loops = new LoopLimits(options.Budgets.LoopSyncKeyReplays, options.Budgets.LoopFastPings),
            Looping = services.GetRequiredService<LoopingDevices>(),
            UserAgents = new UserAgentLimits(options.Requests.MaxUserAgentChanges)
            {
                Window = TimeSpan.FromHours(options.Requests.UserAgentWindowHours),
                Block = TimeSpan.FromHours(options.Requests.UserAgentBlockHours),
            },
            Metrics = services.GetRequiredService<PushMetrics>(),
            Deadlines = services.GetRequiredService<Eas.Actors.Timing.DeadlineWheel>(),
            SyncMetrics = services.GetRequiredService<SyncMetrics>(),
            Accounts = access.Accounts,
            Directory = access.Directory,
            Lists = services.GetRequiredService<Eas.Actors.Devices.Lists.DeviceListIndex>(),
            Submitter = ServerHost.SubmitterFrom(options.Smtp),
            Quarantine = options.Devices.Quarantine.ToSettings(),
            Oof = ServerHost.OofStoreFrom(options, loggers.CreateLogger<Eas.Actors.OutOfOffice.SieveOofStore>()),
            Gal = services.GetRequiredService<Eas.Mail.Gal.IGalDirectory>(),
            GalMaxResults = options.Gal.MaxResults,
            Clock = clock,
            Logger = loggers.CreateLogger<DeviceActor>(),
        };
        var gate = new AccountActorSettings(access.Directory, access.License)
        {
            Entity = new EntityChildOptions("account", idle, snapshotEvery, journal, KeepsAuditEntries: true),
            StaleDevices = new StaleDeviceLimits(TimeSpan.FromDays(options.Devices.StaleAfterDays)),
            Clock = clock,
        };
        return new AccountEntitySettings(
            accountId => AccountActor.PropsFor(gate, accountId),
            accountId => MailboxActor.PropsFor(mailbox, accountId),
            (accountId, deviceId) => DeviceActor.PropsFor(device, accountId, deviceId))
        {
            Counts = services.GetRequiredService<EntityCounts>(),
            Budgets = new AccountBudgetLimits(options.Budgets.MaxConcurrentPerDevice, options.Budgets.AccountRequestBurst, options.Budgets.AccountRequestsPerMinute),
            Deadlines = device.Deadlines,
            Metrics = device.Metrics,
            Clock = clock,
            Logger = loggers.CreateLogger<AccountEntityActor>(),
        };
    }
}
