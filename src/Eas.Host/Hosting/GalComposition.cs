using Eas.Actors.Gal;
using Eas.Host.Options;
using Eas.Mail.Gal;
using Microsoft.Extensions.Options;

namespace Eas.Host.Hosting;

/// <summary>Registers the <see cref="IGalDirectory"/> that <c>Eas:Gal:Provider</c> names.</summary>
internal static class GalComposition
{
    public static IServiceCollection AddGal(this IServiceCollection services) =>
        services.AddSingleton<IGalDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EasOptions>>().Value.Gal;
            return options.Provider.ToLowerInvariant() switch
            {
                "accounts" => Accounts(sp, options),
                LdapGalHosting.Provider => sp.GetRequiredService<Eas.Mail.Gal.Ldap.LdapGalDirectory>(),
                _ => throw new InvalidOperationException($"Eas:Gal:Provider '{options.Provider}' is not known (accounts or ldap)."),
            };
        });

    private static AccountsGalDirectory Accounts(IServiceProvider services, GalOptions options)
    {
        var file = string.IsNullOrWhiteSpace(options.EntriesFile) ? null : new GalEntriesFile(Path.GetFullPath(options.EntriesFile));
        // The actor system is resolved when the first search lists the accounts, not while it is being built; one
        // JournalAccounts, so the journal's readiness is asked once.
        var accounts = new Lazy<JournalAccounts>(() => new JournalAccounts(services.GetRequiredService<Akka.Actor.ActorSystem>()));
        return new AccountsGalDirectory(
            ct => accounts.Value.ListAsync(ct), file, options.MaxResults,
            TimeSpan.FromSeconds(options.AccountsRefreshSeconds), services.GetRequiredService<TimeProvider>());
    }
}
