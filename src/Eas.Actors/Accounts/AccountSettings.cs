namespace Eas.Actors.Accounts;

/// <summary>
/// What is set on one account: its class (null: none) and its own switches (null values inherit).
/// <see cref="DisabledByLicense"/> marks an explicit ActiveSync off that the license set, not an admin.
/// </summary>
public sealed record AccountSettings
{
    public string? Class { get; init; }

    public FeatureSettings Features { get; init; } = FeatureSettings.Inherit;

    public bool DisabledByLicense { get; init; }

    public static readonly AccountSettings Default = new();
}
