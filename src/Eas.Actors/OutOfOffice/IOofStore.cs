using Eas.Actors.Mailboxes;
using Eas.Wire.Commands.Settings;

namespace Eas.Actors.OutOfOffice;

/// <summary>
/// Where a user's out-of-office settings live (the port <see cref="Devices.SettingsCommand"/> calls). Failures: the
/// store being unreachable is <see cref="Eas.Mail.Sieve.SieveUnavailableException"/>, a refusal of the rules
/// <see cref="Eas.Mail.Sieve.SieveCommandException"/>.
/// </summary>
public interface IOofStore
{
    /// <summary>The settings last stored, or null when the user never set any (or they cannot be read).</summary>
    Task<OofSettings?> GetAsync(MailCredentials credentials, CancellationToken cancellationToken);

    /// <summary>Stores the whole settings (already merged and checked) for the account <paramref name="address"/> and puts them in force.</summary>
    Task SetAsync(MailCredentials credentials, string address, OofSettings settings, CancellationToken cancellationToken);
}
