namespace Eas.Actors.Sync.Email;

/// <summary>
/// The importance the sender gave (email:Importance, MS-ASEMAIL 2.2.2.38). The IMAP side derives it from
/// the Importance header (low, normal, high) or, failing that, X-Priority (1-2 high, 3 normal, 4-5 low).
/// </summary>
public enum EmailImportance
{
    /// <summary>Low importance.</summary>
    Low = 0,

    /// <summary>Normal importance, the default.</summary>
    Normal = 1,

    /// <summary>High importance.</summary>
    High = 2,
}
