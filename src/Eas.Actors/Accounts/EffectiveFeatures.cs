namespace Eas.Actors.Accounts;

/// <summary>An account's effective switches, each with the level it came from.</summary>
public sealed record EffectiveFeatures(EffectiveSetting ActiveSync, EffectiveSetting Email, EffectiveSetting Contacts, EffectiveSetting Pim)
{
    /// <summary>Everything on (tests and tools that run without the account model).</summary>
    public static readonly EffectiveFeatures All = new(
        new(true, SettingSource.BuiltIn), new(true, SettingSource.BuiltIn), new(true, SettingSource.BuiltIn), new(true, SettingSource.BuiltIn));

    /// <summary>Whether folders and commands of <paramref name="dataClass"/> are open to the account.</summary>
    public bool Allows(DataClass dataClass) => ActiveSync.Value && dataClass switch
    {
        DataClass.Email => Email.Value,
        DataClass.Contacts => Contacts.Value,
        DataClass.Pim => Pim.Value,
        _ => false,
    };
}
