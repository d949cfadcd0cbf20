namespace Eas.Host.Diagnostics;

/// <summary>
/// The host's log messages, with stable event ids. Credentials never appear here; bodies only in the request
/// trace (1020), for the accounts and devices an admin chose, and redacted. The line per request (1000) is written
/// by <see cref="Logging.RequestLogging"/>, with the reasons that were once lines of their own (1032 body too large,
/// 1033 client hung up, 1035 throttled).
/// </summary>
internal static partial class HostLog
{
    [LoggerMessage(1001, LogLevel.Warning, "Request refused for {User}: {Reason}")]
    public static partial void BadRequest(ILogger logger, string user, string reason);

    [LoggerMessage(1034, LogLevel.Warning, "Sign-ins locked for {Seconds:0} s by {Scope} {Key} after failed passwords (last: {User} from {Address})")]
    public static partial void SignInLocked(ILogger logger, string scope, string key, string user, string address, double seconds);

    [LoggerMessage(1036, LogLevel.Warning, "{Command} of {User} on {DeviceId} refused with Status {Status}: {Items} items, over its {Budget} cap of {Limit}")]
    public static partial void Oversized(ILogger logger, string command, string user, string deviceId, string budget, int items, int limit, int status);

    [LoggerMessage(1031, LogLevel.Debug, "Request of {User} carries query parameters outside MS-ASHTTP, ignored: {Names}")]
    public static partial void IgnoredParameters(ILogger logger, string user, string names);

    [LoggerMessage(1002, LogLevel.Warning, "Request refused with 403 for {User}: {Reason}")]
    public static partial void Forbidden(ILogger logger, string user, string reason);

    [LoggerMessage(1003, LogLevel.Information, "Sign-in refused by the IMAP server for {User}")]
    public static partial void SignInRejected(ILogger logger, string user);

    [LoggerMessage(1004, LogLevel.Warning, "IMAP server unavailable while signing in {User}: {Reason}")]
    public static partial void SignInStoreUnavailable(ILogger logger, string user, string reason);

    [LoggerMessage(1005, LogLevel.Warning, "{Command} for {User} {DeviceId} answered 503: {Reason}")]
    public static partial void Unavailable(ILogger logger, string command, string user, string deviceId, string reason);

    [LoggerMessage(1006, LogLevel.Information, "{Command} for {User} {DeviceId} needs provisioning: {Verdict}")]
    public static partial void ProvisioningRequired(ILogger logger, string command, string user, string deviceId, string verdict);

    [LoggerMessage(1010, LogLevel.Warning, "{Command} for {User} {DeviceId} refused with 403: ActiveSync is off for the account ({Reason})")]
    public static partial void AccessRefused(ILogger logger, string command, string user, string deviceId, string reason);

    [LoggerMessage(1011, LogLevel.Warning, "Admin API request refused for {Admin}: {Reason}")]
    public static partial void AdminRefused(ILogger logger, string admin, string reason);

    [LoggerMessage(1007, LogLevel.Error, "{Command} for {User} {DeviceId} failed")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command, string user, string deviceId);

    [LoggerMessage(1030, LogLevel.Error, "This node's actor system stopped (it was removed from the cluster); the server stops so that it can rejoin as a new member")]
    public static partial void RemovedFromCluster(ILogger logger);

    [LoggerMessage(1008, LogLevel.Information, "EAS server listening; data in {DataDir}, IMAP at {ImapHost}:{ImapPort} ({ImapSecurity})")]
    public static partial void Started(ILogger logger, string dataDir, string imapHost, int imapPort, string imapSecurity);

    [LoggerMessage(1020, LogLevel.Information, "Trace {Command} {User} {DeviceId} v{Version} -> {Status}\nrequest:\n{Request}\nresponse:\n{Response}")]
    public static partial void RequestTraced(ILogger logger, string command, string user, string deviceId, string version, int status, string request, string response);

    [LoggerMessage(1021, LogLevel.Warning, "Request trace changed by {Admin}: users [{TraceUsers}], devices [{TraceDevices}]")]
    public static partial void TraceChanged(ILogger logger, string admin, string traceUsers, string traceDevices);
}
