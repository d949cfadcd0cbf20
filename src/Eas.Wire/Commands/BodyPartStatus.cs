namespace Eas.Wire.Commands;

/// <summary>airsyncbase:Status of a BodyPart (MS-ASAIRS 2.2.2.37): whether its Data could be given as BodyPartPreference asked.</summary>
public enum BodyPartStatus
{
    /// <summary>Success.</summary>
    Success = 1,

    /// <summary>The message part is too large: it does not fit an AllOrNone TruncationSize, so no Data is sent.</summary>
    MessagePartTooLarge = 176,
}
