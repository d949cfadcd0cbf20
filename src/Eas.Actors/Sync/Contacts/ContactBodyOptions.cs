using System.Collections.Immutable;
using Eas.Wire.Commands;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// What the phone asked for when a contact is encoded: for 12.0+ its airsyncbase:BodyPreference elements
/// (MS-ASAIRS 2.2.2.12; contacts' notes are plain text, so only their TruncationSize and AllOrNone matter), for
/// 2.5 its airsync:Truncation code (the contacts:Body/BodySize/BodyTruncated form, MS-ASCNTC 2.2.2.7.2, 2.2.2.8, 2.2.2.9), and the
/// largest picture this server sends (<see cref="MaxPictureBytes"/>).
/// </summary>
public sealed record ContactBodyOptions
{
    /// <summary>
    /// The largest contacts:Picture sent, in decoded bytes: 36 KiB by default, the image that fits the 48 KB of base64
    /// MS-ASCNTC 2.2.2.58 limits the element to ("48 KB of binary content that is encoded with base64 encoding, or an
    /// image size of around 36 KB"). A larger picture is left out whole, never cut into a broken image.
    /// </summary>
    public const int DefaultMaxPictureBytes = ContactPicture.MaxWireLength / 4 * 3;

    /// <summary>Whole notes, pictures up to the default size.</summary>
    public static ContactBodyOptions Default { get; } = new();

    /// <summary>The airsyncbase:BodyPreference elements in request order; ignored for 2.5.</summary>
    public ImmutableArray<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>
    /// The 2.5 airsync:Truncation code for contacts:Body, 0-9 (0 headers only ... 9 everything, the same codes as
    /// email's, <see cref="Email.EmailEncodingOptions.Truncation"/>); null sends everything. Ignored for 12.0+.
    /// </summary>
    public int? Truncation { get; init; }

    /// <summary>
    /// The largest picture sent, in decoded bytes; larger ones are left out. Whatever is set here, a picture over the
    /// spec's 48 KB of base64 (<see cref="ContactPicture.MaxWireLength"/>) is never sent.
    /// </summary>
    public int MaxPictureBytes { get; init; } = DefaultMaxPictureBytes;

    /// <summary>
    /// Whether the item goes to the recipient information cache: only there are contacts:Alias and WeightedRank
    /// written (MS-ASCNTC 2.2.2.2, 2.2.2.64: "only returned in a recipient information cache response"; 14.0+).
    /// </summary>
    public bool RecipientInformationCache { get; init; }
}
