namespace Eas.Wire.Commands.Settings;

/// <summary>The Oof part of a Settings response (MS-ASCMD 2.2.3.122): its status and, for a Get, the settings.</summary>
public sealed record SettingsOofResult(SettingsStatus Status)
{
    /// <summary>The OOF settings, for an Oof/Get request; written when not null.</summary>
    public OofSettings? Get { get; init; }
}
