namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>The Status of a recipient's Picture (MS-ASCMD 2.2.3.177.12, as a child of Picture; 14.1 and later).</summary>
public enum PictureStatus
{
    /// <summary>The contact photo is returned in Data.</summary>
    Success = 1,

    /// <summary>The recipient has no contact photo.</summary>
    NoPicture = 173,

    /// <summary>The photo is larger than the request's MaxSize.</summary>
    PictureTooLarge = 174,

    /// <summary>The recipient has a photo, but the request's MaxPictures were already returned.</summary>
    PictureLimitReached = 175,
}
