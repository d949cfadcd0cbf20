using System.Collections.Immutable;

namespace Eas.Wire.Commands.Settings;

/// <summary>The UserInformation part of a Settings response (MS-ASCMD 2.2.3.192): its status and the user's accounts.</summary>
public sealed record SettingsUserInformationResult(SettingsStatus Status)
{
    /// <summary>The accounts; the first is the primary one. Empty writes no Get element.</summary>
    public ImmutableArray<SettingsAccount> Accounts { get; init; } = [];
}
