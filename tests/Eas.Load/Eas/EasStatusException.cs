namespace Eas.Load.Eas;

/// <summary>A command answered 200 with a protocol status other than success; <see cref="Status"/> is that status as sent.</summary>
internal sealed class EasStatusException(string command, string? status)
    : EasCallException($"{command}: status {status ?? "(none)"}")
{
    public string Command { get; } = command;

    public string? Status { get; } = status;

    /// <summary>
    /// The phone must start over from SyncKey 0: Sync Status 3 (invalid synchronization key) or 12 (folder hierarchy
    /// changed), FolderSync Status 9 (invalid synchronization key) (MS-ASCMD 2.2.3.177.16, 2.2.3.177.17).
    /// </summary>
    public bool ForcesResync => (Command, Status) is ("Sync", "3" or "12") or ("FolderSync", "9");
}
