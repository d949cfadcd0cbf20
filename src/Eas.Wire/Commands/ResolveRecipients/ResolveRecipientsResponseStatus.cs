namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>The Status of one Response, one per To (MS-ASCMD 2.2.3.177.12, as a child of Response).</summary>
public enum ResolveRecipientsResponseStatus
{
    /// <summary>The recipient was resolved: one Recipient (or the members of a distribution list).</summary>
    Resolved = 1,

    /// <summary>The recipient is ambiguous; the Recipients are all the suggestions, without certificates. The user picks one.</summary>
    Ambiguous = 2,

    /// <summary>The recipient is ambiguous; the Recipients are some of the suggestions (RecipientCount says how many there are), without certificates.</summary>
    AmbiguousPartial = 3,

    /// <summary>The recipient resolved to no GAL or contact entry; the user checks the spelling.</summary>
    Unresolved = 4,
}
