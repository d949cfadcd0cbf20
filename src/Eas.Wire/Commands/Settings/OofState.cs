namespace Eas.Wire.Commands.Settings;

/// <summary>Whether out-of-office replies are on (OofState, MS-ASCMD 2.2.3.124).</summary>
public enum OofState
{
    /// <summary>Off.</summary>
    Disabled = 0,

    /// <summary>On until turned off.</summary>
    Global = 1,

    /// <summary>On between StartTime and EndTime.</summary>
    TimeBased = 2,
}
