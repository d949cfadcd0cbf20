using Eas.Actors.Mailboxes;
using Eas.Mail.Sieve;
using Eas.Wire.Commands.Settings;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.OutOfOffice;

/// <summary>
/// Out-of-office settings in the user's Sieve scripts through ManageSieve (RFC 5804), as Dovecot's Pigeonhole serves
/// them: one connection per command, signed in with the phone's IMAP login. The settings and rules are the script
/// <see cref="OofScript.ScriptName"/>; while they answer anyone, the active script includes it
/// (<see cref="SieveIncludes"/>). Turning OOF off rewrites only our script (its rules become none) and leaves the
/// active script, with its include line, as it is.
/// </summary>
public sealed class SieveOofStore(SieveServer server, ILogger logger) : IOofStore
{
    public async Task<OofSettings?> GetAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        await using var client = await OpenAsync(credentials, cancellationToken).ConfigureAwait(false);
        var script = await client.GetScriptAsync(OofScript.ScriptName, cancellationToken).ConfigureAwait(false);
        if (script is null) return null;
        var settings = OofScript.Read(script);
        if (settings is null) OofLog.Unreadable(logger, credentials.Login);
        return settings;
    }

    public async Task SetAsync(MailCredentials credentials, string address, OofSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        await using var client = await OpenAsync(credentials, cancellationToken).ConfigureAwait(false);
        await client.PutScriptAsync(OofScript.ScriptName, OofScript.Write(settings, address), cancellationToken).ConfigureAwait(false);
        if (!OofRules.AnswersAnyone(settings)) return;

        var scripts = await client.ListScriptsAsync(cancellationToken).ConfigureAwait(false);
        var active = scripts.FirstOrDefault(script => script.IsActive);
        if (active is null)
        {
            await client.PutScriptAsync(SieveIncludes.RulesScriptName, SieveIncludes.RulesScript, cancellationToken).ConfigureAwait(false);
            await client.SetActiveAsync(SieveIncludes.RulesScriptName, cancellationToken).ConfigureAwait(false);
            OofLog.Included(logger, credentials.Login, SieveIncludes.RulesScriptName);
            return;
        }

        if (active.Name == OofScript.ScriptName) return;
        var current = await client.GetScriptAsync(active.Name, cancellationToken).ConfigureAwait(false) ?? "";
        if (SieveIncludes.Includes(current)) return;
        var included = SieveIncludes.AddTo(current);
        await client.CheckScriptAsync(included, cancellationToken).ConfigureAwait(false);
        await client.PutScriptAsync(active.Name, included, cancellationToken).ConfigureAwait(false);
        OofLog.Included(logger, credentials.Login, active.Name);
    }

    private async Task<ManageSieveClient> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await ManageSieveClient.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.AuthenticatePlainAsync(credentials.Login, credentials.Password, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
