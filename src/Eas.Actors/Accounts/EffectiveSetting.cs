namespace Eas.Actors.Accounts;

/// <summary>One effective switch and the level it came from.</summary>
public sealed record EffectiveSetting(bool Value, SettingSource Source);
