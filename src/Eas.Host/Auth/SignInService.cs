using Eas.Host.Diagnostics;
using Eas.Host.Options;
using Eas.Mail.Imap;
using Microsoft.Extensions.Options;

namespace Eas.Host.Auth;

/// <summary>
/// Verifies a request's Basic credentials against the provider's IMAP server (MS-ASHTTP 2.2.1.1.2.2: every
/// request carries them), with <see cref="VerifiedCredentialCache"/> in front so a busy phone costs one IMAP
/// login every few minutes rather than one per request. A refused password is never cached; an IMAP outage
/// is reported as such so the phone is told to retry rather than to ask its user for a new password.
/// </summary>
public sealed class SignInService(
    IImapAuthenticator authenticator,
    VerifiedCredentialCache cache,
    IOptions<EasOptions> options,
    ServerMetrics metrics,
    ILogger<SignInService> logger)
{
    public async Task<SignInResult> SignInAsync(string? authorization, CancellationToken cancellationToken)
    {
        var credentials = BasicCredentials.Parse(authorization);
        if (credentials is null) return new SignInResult(SignInOutcome.Missing);
        var settings = options.Value;
        var name = SignInName.Parse(credentials.UserName, settings.DefaultDomain, settings.DomainAliases);
        if (name is null || credentials.Password.Length == 0)
        {
            metrics.AuthenticationFailed("malformed");
            return new SignInResult(SignInOutcome.Missing);
        }

        if (cache.IsVerified(name.ImapLogin, credentials.Password))
            return new SignInResult(SignInOutcome.Accepted, name, credentials.Password);

        try
        {
            var result = await authenticator.AuthenticateAsync(name.ImapLogin, credentials.Password, cancellationToken);
            if (result.Succeeded)
            {
                cache.Remember(name.ImapLogin, credentials.Password);
                return new SignInResult(SignInOutcome.Accepted, name, credentials.Password);
            }

            cache.Forget(name.ImapLogin);
            metrics.AuthenticationFailed("rejected");
            HostLog.SignInRejected(logger, name.AccountId);
            return new SignInResult(SignInOutcome.Rejected, name);
        }
        catch (ImapStoreUnavailableException e)
        {
            metrics.AuthenticationFailed("store_unavailable");
            HostLog.SignInStoreUnavailable(logger, name.AccountId, e.Message);
            return new SignInResult(SignInOutcome.StoreUnavailable, name);
        }
    }
}
