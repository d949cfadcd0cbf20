namespace Eas.Actors.Accounts;

/// <summary>
/// The ActiveSync switches one level (service defaults, a domain, an account class or an account) sets. A null
/// value is not set at this level: it is inherited from the level above (account → its class, if any → its
/// domain → the service's account defaults → on).
/// </summary>
/// <param name="ActiveSync">Whether the account may use ActiveSync at all.</param>
/// <param name="Email">Email folders (Inbox, Sent Items, user mail folders, …) and sending.</param>
/// <param name="Contacts">Contacts folders.</param>
/// <param name="Pim">Calendar, tasks and notes folders.</param>
public sealed record FeatureSettings(bool? ActiveSync = null, bool? Email = null, bool? Contacts = null, bool? Pim = null)
{
    /// <summary>Nothing set: everything inherited.</summary>
    public static readonly FeatureSettings Inherit = new();

    /// <summary>True when no switch is set at this level.</summary>
    public bool IsEmpty => ActiveSync is null && Email is null && Contacts is null && Pim is null;

    /// <summary>This level's values where set, <paramref name="change"/>'s where it sets them.</summary>
    public FeatureSettings With(FeatureSettings change) => new(
        change.ActiveSync ?? ActiveSync, change.Email ?? Email, change.Contacts ?? Contacts, change.Pim ?? Pim);
}
