namespace Eas.Host.Options;

/// <summary>
/// How many accounts may use ActiveSync (<c>Eas:License</c>). Set <see cref="ActiveSyncMailboxCount"/>, or
/// <see cref="File"/> to a license file holding <c>ActiveSyncMailboxCount=N</c>; with neither, the server
/// runs as a trial: 20 accounts for 30 days from its first start.
/// </summary>
public sealed class LicenseOptions
{
    public int? ActiveSyncMailboxCount { get; set; }

    /// <summary>Path of a license file (<c>key=value</c> lines, <c>#</c> comments).</summary>
    public string? File { get; set; }
}
