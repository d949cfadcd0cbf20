namespace Eas.Actors.Sync.Email;

/// <summary>The state of a follow-up flag (email:Status inside email:Flag, MS-ASEMAIL 2.2.2.74); 12.0+.</summary>
public enum EmailFlagStatus
{
    /// <summary>The flag is cleared.</summary>
    Cleared = 0,

    /// <summary>The flagged item is marked complete.</summary>
    Complete = 1,

    /// <summary>The flag is set (active), IMAP <c>\Flagged</c>.</summary>
    Active = 2,
}
