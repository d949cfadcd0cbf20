using Eas.Host.Diagnostics;
using Eas.Host.Options;
using Eas.Actors.Mailboxes;
using Microsoft.Extensions.Options;

namespace Eas.Host.Auth;

/// <summary>
/// Verifies a request's Basic credentials against the provider's IMAP server (MS-ASHTTP 2.2.1.1.2.2: every
/// request carries them), with <see cref="VerifiedCredentialCache"/> in front so a busy phone costs one IMAP
/// login every few minutes rather than one per request, and <see cref="SignInProtection"/> behind it so wrong
/// passwords are refused (401) without reaching the IMAP server once they repeat or lock their account or
/// address. A wrong password never evicts a verified one; an IMAP outage is reported as such so the phone is
/// told to retry rather than to ask its user for a new password.
/// <para>
/// One check per login at a time: a request that finds a check of its login under way waits for it, then is accepted
/// if the cache now holds its password, answered as the check was if the IMAP server failed it, and checks for itself
/// only otherwise (another password). All of an account's phones find their cached verification gone in the same
/// minute (they signed in together after a node start or a failover, and the lifetime is fixed), and each of their
/// requests used to sign in on its own: under load the waves queued for the node's IMAP sign-in places until requests
/// failed with 503, and a phone being refused had no Ping parked to push to.
/// </para>
/// </summary>
public sealed class SignInService(
    IMailAuthenticator authenticator,
    VerifiedCredentialCache cache,
    SignInProtection protection,
    IOptions<EasOptions> options,
    ServerMetrics metrics,
    ILogger<SignInService> logger)
{
    /// <summary>The check under way for each login (its outcome when done); only while it runs.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<SignInOutcome>> _checks = new(StringComparer.Ordinal);

    /// <summary>Checks the Basic credentials of <paramref name="authorization"/> (the header's value).</summary>
    /// <param name="authorization">The Authorization header's value, if any.</param>
    /// <param name="address">The client's address (<see cref="ClientAddress"/>), which failures are counted against too.</param>
    /// <param name="cancellationToken">The request's: the phone hung up.</param>
    public async Task<SignInResult> SignInAsync(string? authorization, string address, CancellationToken cancellationToken)
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
        if (Refusal(name, credentials.Password, address) is { } early) return early;

        var check = new TaskCompletionSource<SignInOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        while (!_checks.TryAdd(name.ImapLogin, check.Task))
        {
            if (!_checks.TryGetValue(name.ImapLogin, out var running)) continue;
            var outcome = await running.WaitAsync(cancellationToken);
            if (cache.IsVerified(name.ImapLogin, credentials.Password)) return new SignInResult(SignInOutcome.Accepted, name, credentials.Password);
            if (outcome == SignInOutcome.StoreUnavailable)
            {
                metrics.AuthenticationFailed("store_unavailable");
                return new SignInResult(SignInOutcome.StoreUnavailable, name);
            }

            if (Refusal(name, credentials.Password, address) is { } refused) return refused;
            // Another password, or a check that ended without a verdict: the next check is still one at a time.
        }

        // A check that ends without a verdict (the phone hung up) leaves its waiters to check for themselves.
        var result = SignInOutcome.Missing;
        try
        {
            var signedIn = await CheckAsync(name, credentials.Password, address, cancellationToken);
            result = signedIn.Outcome;
            return signedIn;
        }
        finally
        {
            _checks.TryRemove(new KeyValuePair<string, Task<SignInOutcome>>(name.ImapLogin, check.Task));
            check.TrySetResult(result);
        }
    }

    /// <summary>Asks the IMAP server, within the account's or the address's places for checks.</summary>
    private async Task<SignInResult> CheckAsync(SignInName name, string password, string address, CancellationToken cancellationToken)
    {
        using var place = await protection.EnterCheckAsync(name.AccountId, address, cancellationToken);
        if (Refusal(name, password, address) is { } meanwhile) return meanwhile;
        try
        {
            var result = await authenticator.AuthenticateAsync(name.ImapLogin, password, cancellationToken);
            if (result.Succeeded)
            {
                cache.Remember(name.ImapLogin, password);
                protection.Accepted(name.AccountId);
                return new SignInResult(SignInOutcome.Accepted, name, password);
            }

            protection.Refused(name.ImapLogin, name.AccountId, password, address);
            metrics.AuthenticationFailed("rejected");
            HostLog.SignInRejected(logger, name.AccountId);
            return new SignInResult(SignInOutcome.Rejected, name);
        }
        catch (MailStoreUnavailableException e)
        {
            metrics.AuthenticationFailed("store_unavailable");
            HostLog.SignInStoreUnavailable(logger, name.AccountId, e.Message);
            return new SignInResult(SignInOutcome.StoreUnavailable, name);
        }
    }

    /// <summary>
    /// A refusal without asking the IMAP server: the password it refused a moment ago (counted again, so a
    /// storm of one wrong password still locks), or a locked account or address (not counted: a lock's
    /// refusals do not lengthen it). Null when the IMAP server must decide.
    /// </summary>
    private SignInResult? Refusal(SignInName name, string password, string address)
    {
        if (protection.WasRefused(name.ImapLogin, password))
        {
            protection.Refused(name.ImapLogin, name.AccountId, password, address);
            metrics.AuthenticationFailed("repeated");
            return new SignInResult(SignInOutcome.Rejected, name);
        }

        if (protection.LockOf(name.AccountId, address) is not { } scope) return null;
        metrics.AuthenticationFailed($"locked_{scope}");
        return new SignInResult(SignInOutcome.Rejected, name);
    }
}
