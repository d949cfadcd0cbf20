namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>Where a resolved recipient was found (Type, MS-ASCMD 2.2.3.186.5).</summary>
public enum RecipientType
{
    /// <summary>An entry of the global address list.</summary>
    Gal = 1,

    /// <summary>An entry of the user's contacts.</summary>
    Contact = 2,
}
