using System.Collections.Immutable;

namespace Eas.Wire.Commands.Settings;

/// <summary>
/// One of the user's accounts in a UserInformation/Get response (Account, MS-ASCMD 2.2.3.2). Clients
/// before 14.1 get only the addresses, flattened into one EmailAddresses list.
/// </summary>
public sealed record SettingsAccount
{
    /// <summary>The account's id for SendMail's AccountId; null for the primary account (2.2.3.3.2).</summary>
    public string? AccountId { get; init; }

    /// <summary>The account's friendly name, at most 512 characters (2.2.3.4).</summary>
    public string? AccountName { get; init; }

    /// <summary>The name to show as the sender (UserDisplayName).</summary>
    public string? UserDisplayName { get; init; }

    /// <summary>Whether sending from this account is disabled (SendDisabled).</summary>
    public bool? SendDisabled { get; init; }

    /// <summary>The account's primary SMTP address, 14.1+ (PrimarySmtpAddress).</summary>
    public string? PrimarySmtpAddress { get; init; }

    /// <summary>The account's other SMTP addresses (SMTPAddress).</summary>
    public ImmutableArray<string> SmtpAddresses { get; init; } = [];
}
