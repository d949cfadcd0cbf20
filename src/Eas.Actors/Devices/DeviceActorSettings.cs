using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Devices;

/// <summary>What every DeviceActor shares: the policy in force, where policy keys come from, its journal options.</summary>
/// <param name="Policy">The policy phones must accept.</param>
/// <param name="NewPolicyKey">A source of random, non-zero policy keys (MS-ASPROV 2.2.2.42).</param>
public sealed record DeviceActorSettings(DevicePolicy Policy, Func<uint> NewPolicyKey)
{
    /// <summary>Idle time, snapshot interval and journal instruments of device actors.</summary>
    public Cluster.EntityChildOptions Entity { get; init; } = new("device", TimeSpan.FromMinutes(5));

    /// <summary>The account mailboxes that do the IMAP work of sync commands.</summary>
    public Mailboxes.MailboxRegion? Mailboxes { get; init; }

    /// <summary>
    /// The device is a child of its account entity (as in the server): it asks its <see cref="Mailboxes"/> and
    /// <see cref="Accounts"/> through that entity rather than the shard region, so a command in its turn still reaches
    /// them while the entity's shard is handed off (<see cref="Cluster.HandOffAccount"/>). Off in tests whose devices have
    /// another parent.
    /// </summary>
    public bool AsksThroughEntity { get; init; }

    /// <summary>The account gates every request passes; null lets every request through (tests of device rules alone).</summary>
    public Accounts.AccountRegion? Accounts { get; init; }

    /// <summary>The directory, whose audit log records what a phone reports to an admin's order (a wipe acknowledgement); none in tests.</summary>
    public Accounts.DirectoryRegion? Directory { get; init; }

    /// <summary>The quarantine notice's text and the admins told of a quarantined device (<c>Eas:Devices:Quarantine</c>).</summary>
    public Access.QuarantineNoticeSettings Quarantine { get; init; } = Access.QuarantineNoticeSettings.Default;

    /// <summary>The index of the admin lists (quarantined, wipe pending) a device tells of its changes; none in tests of device rules alone.</summary>
    public Lists.DeviceListIndex? Lists { get; init; }

    /// <summary>Where SendMail, SmartReply and SmartForward submit messages.</summary>
    public Sending.IMailSubmitter? Submitter { get; init; }

    /// <summary>Where Settings Oof reads and writes out-of-office settings (a Sieve server); null answers Oof with Status 3 (access denied).</summary>
    public OutOfOffice.IOofStore? Oof { get; init; }

    /// <summary>The global address list Search and ResolveRecipients look in; null answers them with their server-error status (Search Store 3, ResolveRecipients 6).</summary>
    public Eas.Mail.Gal.IGalDirectory? Gal { get; init; }

    /// <summary>The most GAL matches one Search counts and returns (<c>Eas:Gal:MaxResults</c>).</summary>
    public int GalMaxResults { get; init; } = 100;

    /// <summary>How many requests and Pings a device may send.</summary>
    public RequestBudgetLimits Budgets { get; init; } = new();

    /// <summary>When a device counts as looping (admin views).</summary>
    public LoopLimits Loops { get; init; } = new();

    /// <summary>How often a device may change its User-Agent (MS-ASHTTP 3.2.5.1.1).</summary>
    public UserAgentLimits UserAgents { get; init; } = new();

    /// <summary>Where flagged devices are reported on this node (<c>eas-server top</c>); null reports nowhere.</summary>
    public ILoopingDevices? Looping { get; init; }

    /// <summary>Heartbeat bounds and folder limit of Ping.</summary>
    public PingLimits Ping { get; init; } = new();

    /// <summary>
    /// The node's timer for parked Pings' heartbeats; null (tests of device rules) schedules each heartbeat on Akka's
    /// scheduler instead.
    /// </summary>
    public Timing.DeadlineWheel? Deadlines { get; init; }

    /// <summary>
    /// How long a device stays in memory after handing its parked Ping to its account entity (<see cref="Cluster.HeldPings"/>,
    /// <c>Eas:Ping:ParkedDeviceIdleSeconds</c>); null keeps every parked Ping in its device for the whole heartbeat (a
    /// device not under an account entity, tests of device rules alone).
    /// </summary>
    public TimeSpan? ParkedDeviceIdle { get; init; }

    /// <summary>Push instruments.</summary>
    public Diagnostics.PushMetrics? Metrics { get; init; }

    /// <summary>Sync item counts by class and direction.</summary>
    public Diagnostics.SyncMetrics? SyncMetrics { get; init; }

    /// <summary>How long a command may wait for its mailbox.</summary>
    public TimeSpan MailboxDeadline { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>Largest attachment one ItemOperations Fetch serves (<see cref="FetchAllowance"/>).</summary>
    public long MaxFetchBytes { get; init; } = FetchAllowance.DefaultItemBytes;

    /// <summary>
    /// Largest attachment a phone may add to a draft in a Sync Add or Change (<c>Eas:Requests:MaxDraftAttachmentBytes</c>);
    /// a larger one is refused with Sync Status 6 and nothing is written.
    /// </summary>
    public long MaxDraftAttachmentBytes { get; init; } = DefaultMaxDraftAttachmentBytes;

    /// <summary>25 MiB, the message size limit of Postfix's default configuration (message_size_limit, less MIME overhead).</summary>
    public const long DefaultMaxDraftAttachmentBytes = 25L * 1024 * 1024;

    /// <summary>The node's pool of folder hierarchies, so the devices of an account hold one copy of the folders they all know.</summary>
    public SharedHierarchies Hierarchies { get; init; } = new();

    /// <summary>The clock for timestamps and push latency (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where device actors log.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
