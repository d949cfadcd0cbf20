namespace Eas.Wire.Commands.Settings;

/// <summary>Whom an OOF message answers: the empty AppliesTo* element of an OofMessage (MS-ASCMD 2.2.3.123).</summary>
public enum OofAudience
{
    /// <summary>Senders inside the organization (AppliesToInternal).</summary>
    Internal,

    /// <summary>Outside senders in the user's contacts (AppliesToExternalKnown).</summary>
    ExternalKnown,

    /// <summary>All other outside senders (AppliesToExternalUnknown).</summary>
    ExternalUnknown,
}
