using Eas.Wire.Commands;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// The edge's one ask per request: run a command for this device and reply with its <see cref="CommandOutcome"/>
/// (or a failure). <paramref name="RequestId"/> names this request in a later <see cref="AbandonRequest"/>.
/// </summary>
public sealed record ExecuteDeviceCommand(DeviceRequest Request, Guid RequestId) : Cluster.IRoutedToChild;

/// <summary>The phone hung up on request <paramref name="RequestId"/>: if it is parked, drop it without an answer.</summary>
public sealed record AbandonRequest(Guid RequestId) : Cluster.IRoutedToChild;

/// <summary>
/// A signed-in request as the DeviceActor sees it: who, which device, the request line, and the typed body
/// the Wire layer decoded (null for commands without one).
/// </summary>
/// <param name="AccountId">The lower-cased account id (<c>mike@ox.io</c>).</param>
/// <param name="EmailAddress">The account's primary SMTP address, for Settings UserInformation.</param>
/// <param name="Line">The parsed request line and headers.</param>
/// <param name="Body">The typed request the Wire layer decoded from the body, or null.</param>
public sealed record DeviceRequest(string AccountId, string EmailAddress, EasRequestLine Line, object? Body)
{
    /// <summary>
    /// False for a command this server does not implement (for the request's version): the device still
    /// checks the policy key, so an unprovisioned phone is sent to provision first, and then answers
    /// <see cref="CommandNotImplemented"/>.
    /// </summary>
    public bool Implemented { get; init; } = true;

    /// <summary>True when a parked Sync is run again after a change: it answers whatever it finds rather than parking twice.</summary>
    public bool Resumed { get; init; }

    /// <summary>The verified IMAP login, for the mailbox work the command needs; null in tests of policy-only commands.</summary>
    public Mailboxes.MailCredentials? Credentials { get; init; }

    /// <summary>The account's effective data classes, set by the device once the account has admitted the request.</summary>
    public Accounts.EffectiveFeatures Features { get; init; } = Accounts.EffectiveFeatures.All;

    /// <summary>
    /// Set by the device: the asker waits on another node, so the reply travels inside a message and cannot hand
    /// over a temporary file; fetched bytes are then held to <see cref="FetchAllowance.CrossNodeBytes"/>.
    /// </summary>
    public bool ReplyLeavesNode { get; init; }

    /// <summary>
    /// Set by the device when it is quarantined and the request goes through: FolderSync and Ping see only the Inbox,
    /// Sync and GetItemEstimate only the device's quarantine notices in it (<see cref="Access.QuarantineView"/>).
    /// </summary>
    public bool Quarantined { get; init; }
}

/// <summary>What the device decided; the edge turns it into HTTP.</summary>
public abstract record CommandOutcome;

/// <summary>A WBXML response document.</summary>
public sealed record RespondWith(IEasResponse Response) : CommandOutcome;

/// <summary>
/// The request's policy key does not let it through (MS-ASPROV 3.2.5.1): HTTP 449 up to 12.1; from 14.0 the
/// command's own Status 142 (not provisioned) or 144 (invalid policy key).
/// </summary>
public sealed record ProvisioningRequired(PolicyVerdict Verdict) : CommandOutcome;

/// <summary>The command is not implemented for this protocol version: HTTP 501.</summary>
public sealed record CommandNotImplemented : CommandOutcome;

/// <summary>A raw response body (GetAttachment); the edge copies it to the response and disposes it.</summary>
public sealed record RespondWithContent(string ContentType, Stream Content) : CommandOutcome;

/// <summary>The attachment does not exist (any more): HTTP 500, as MS-ASCMD 2.2.1.7 specifies for GetAttachment.</summary>
public sealed record AttachmentNotFound : CommandOutcome;

/// <summary>
/// The account may not use ActiveSync (switched off for it, its class, domain or the service, or refused by
/// the license): HTTP 403, with the reason logged (MS-ASHTTP 2.2.2.1.1).
/// </summary>
public sealed record AccessRefused(Accounts.AccessRefusal Reason) : CommandOutcome;

/// <summary>
/// An HTTP status without a body, for versions whose command has no status element: 500 for a failure the
/// phone cannot fix by retrying, 503 with Retry-After for one it can (SendMail up to 12.1).
/// </summary>
public sealed record RespondHttpStatus(int StatusCode) : CommandOutcome;

/// <summary>
/// The device changed its User-Agent too often and is refused until <paramref name="Until"/> (MS-ASHTTP
/// 3.2.5.1.1): HTTP 503 with Retry-After for the time left, and no X-MS-ASThrottle (none of its values names this).
/// </summary>
public sealed record UserAgentRefused(DateTimeOffset Until, TimeSpan RetryAfter) : CommandOutcome;

/// <summary>An empty HTTP 200: a Sync whose Wait ended without changes (MS-ASCMD 2.2.3.198).</summary>
public sealed record RespondEmpty : CommandOutcome;

/// <summary>
/// The device is over one of its budgets (<see cref="RequestBudgetLimits"/>): HTTP 503 with Retry-After, and
/// X-MS-ASThrottle naming the condition (MS-ASHTTP 2.2.2.1.2.13). <paramref name="Budget"/> names the budget for
/// the log and the metric (<c>requests</c>, <c>pings</c>).
/// </summary>
public sealed record Throttled(string Condition, string Budget, TimeSpan RetryAfter) : CommandOutcome;

/// <summary>
/// The device's access refuses the request: blocked, or quarantined and the command is not one a quarantined device may
/// send (<see cref="Access.DeviceAccessGate"/>). From 14.0 the command's Status 129 DeviceIsBlockedForThisUser (MS-ASCMD
/// 2.2.2); below, and for commands without a status, HTTP 403 (MS-ASHTTP 2.2.2.1.1).
/// </summary>
public sealed record DeviceAccessDenied(Access.DeviceAccessLevel Level) : CommandOutcome;
