namespace Eas.Wire.Commands.Search;

/// <summary>
/// The Status of a gal:Picture (MS-ASCMD 2.2.3.177.13 under gal:Picture, 2.2.3.135.3; values from the common table,
/// 2.2.2): whether the entry's picture is in the response, and why not.
/// </summary>
public enum SearchPictureStatus
{
    /// <summary>The picture is in gal:Data.</summary>
    Success = 1,

    /// <summary>The entry has no picture (common status 173).</summary>
    NoPicture = (int)CommonStatus.NoPicture,

    /// <summary>The picture is larger than the request's MaxSize (common status 174).</summary>
    PictureTooLarge = (int)CommonStatus.PictureTooLarge,

    /// <summary>More pictures than the request's MaxPictures would be returned (common status 175).</summary>
    PictureLimitReached = (int)CommonStatus.PictureLimitReached,
}
