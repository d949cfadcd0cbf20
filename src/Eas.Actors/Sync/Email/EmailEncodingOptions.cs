using System.Collections.Immutable;
using Eas.Wire.Commands;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// What the client asked for, as far as encoding one email goes: its protocol version, body preferences
/// (12.0+), MIME support, and the 2.5 truncation codes. <see cref="HtmlToText"/> turns an HTML body into
/// plain text for clients that want text from an HTML-only message; the encoder never parses HTML itself.
/// </summary>
/// <param name="Version">The request's protocol version.</param>
/// <param name="HtmlToText">Converts an HTML body to plain text.</param>
public sealed record EmailEncodingOptions(ProtocolVersion Version, Func<string, string> HtmlToText)
{
    /// <summary>The airsyncbase:BodyPreference elements in request order (MS-ASAIRS 2.2.2.12); ignored for 2.5.</summary>
    public ImmutableArray<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>
    /// The airsyncbase:BodyPartPreference elements in request order (MS-ASAIRS 2.2.2.11), 14.1+: when there is one, the
    /// item carries an airsyncbase:BodyPart (2.2.2.10) beside its Body.
    /// </summary>
    public ImmutableArray<BodyPreference> BodyPartPreferences { get; init; } = [];

    /// <summary>airsync:MIMESupport (MS-ASCMD 2.2.3.110): which messages may be sent as MIME.</summary>
    public SyncMimeSupport MimeSupport { get; init; } = SyncMimeSupport.Never;

    /// <summary>
    /// The 2.5 airsync:Truncation code for the plain text body, 0-9 (MS-ASCMD 2.2.3.185 in the revisions that
    /// still describe 2.5): 0 headers only, 1 512, 2 1,024, 3 2,048, 4 5,120, 5 10,240, 6 20,480, 7 51,200 and
    /// 8 102,400 characters, 9 everything. Null sends everything.
    /// </summary>
    public int? Truncation { get; init; }

    /// <summary>
    /// The airsync:MIMETruncation code, 0-8 (MS-ASCMD 2.2.3.111): 0 truncates everything, 1-7 at 4,096, 5,120,
    /// 7,168, 10,240, 20,480, 51,200 and 102,400 characters, 8 not at all. It limits 2.5 email:MIMEData, and
    /// a 12.0+ MIME body whose BodyPreference has no TruncationSize. Null does not truncate.
    /// </summary>
    public int? MimeTruncation { get; init; }

    /// <summary>
    /// Options for a Sync (MS-ASCMD 2.2.3.125.6). The Wire layer does not read the 2.5 airsync:Truncation
    /// element, so a caller that has it passes the code in <paramref name="truncation"/>.
    /// </summary>
    public static EmailEncodingOptions ForSync(ProtocolVersion version, SyncOptions? options, Func<string, string> htmlToText, int? truncation = null) =>
        new(version, htmlToText)
        {
            BodyPreferences = options?.BodyPreferences ?? [],
            BodyPartPreferences = options?.BodyPartPreferences ?? [],
            MimeSupport = options?.MimeSupport ?? SyncMimeSupport.Never,
            MimeTruncation = options?.MimeTruncation,
            Truncation = truncation,
        };

    /// <summary>Options for an ItemOperations Fetch of an email (MS-ASCMD 2.2.3.125.3).</summary>
    public static EmailEncodingOptions ForFetch(ProtocolVersion version, ItemOperationsFetchOptions? options, Func<string, string> htmlToText) =>
        new(version, htmlToText)
        {
            BodyPreferences = options?.BodyPreferences ?? [],
            BodyPartPreferences = options?.BodyPartPreferences ?? [],
            MimeSupport = options?.MimeSupport ?? SyncMimeSupport.Never,
        };
}
