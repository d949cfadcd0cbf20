namespace Eas.Host.Options;

/// <summary>Bounds on a single ActiveSync request.</summary>
public sealed class RequestOptions
{
    /// <summary>Largest request body accepted, in bytes (a SendMail with attachments is the largest).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Seconds a command may take inside the server before the phone gets a retriable 503.</summary>
    public int CommandDeadlineSeconds { get; set; } = 60;

    /// <summary>
    /// Largest attachment one ItemOperations Fetch serves, in bytes; a larger one is that fetch's Status 11
    /// (DataTooLarge). Attachments stream from temporary files, so this bounds disk and transfer, not memory.
    /// </summary>
    public long MaxFetchBytes { get; set; } = Eas.Actors.Devices.FetchAllowance.DefaultItemBytes;

    /// <summary>
    /// Largest attachment a 16.x phone may add to a draft (Sync Add or Change in Drafts), in decoded bytes; a larger
    /// one is that item's Sync Status 6 and nothing is written. The request body cap (<see cref="MaxBodyBytes"/>) still applies.
    /// </summary>
    public long MaxDraftAttachmentBytes { get; set; } = Eas.Actors.Devices.DeviceActorSettings.DefaultMaxDraftAttachmentBytes;

    /// <summary>
    /// Smallest response body, in bytes, sent gzip-compressed to a phone that accepts gzip (MS-ASHTTP 2.2.2.1.2
    /// Content-Encoding); smaller bodies gain nothing. 0 turns compression off.
    /// </summary>
    public int GzipMinBytes { get; set; } = 1024;

    /// <summary>
    /// How many times a device may change its User-Agent within <see cref="UserAgentWindowHours"/> before it is
    /// refused with 503 for <see cref="UserAgentBlockHours"/> (MS-ASHTTP 3.2.5.1.1: 2, 24 and 14). 0 turns it off.
    /// </summary>
    public int MaxUserAgentChanges { get; set; } = 2;

    /// <summary>The period, in hours, within which User-Agent changes are counted.</summary>
    public double UserAgentWindowHours { get; set; } = 24;

    /// <summary>How long, in hours, a device over its User-Agent changes is refused.</summary>
    public double UserAgentBlockHours { get; set; } = 14;
}
