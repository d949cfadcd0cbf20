using Eas.Host.Options;
using Eas.Mail.Gal;
using Eas.Mail.Gal.Ldap;

namespace Eas.Host.Hosting;

/// <summary>Registers the LDAP adapter when <c>Eas:Gal:Provider</c> is <c>ldap</c>; <see cref="GalComposition"/> then gives it as the <see cref="IGalDirectory"/>.</summary>
internal static class LdapGalHosting
{
    public const string Provider = "ldap";

    public static IServiceCollection AddLdapGal(this IServiceCollection services, IConfiguration configuration)
    {
        var gal = configuration.GetSection("Eas:Gal");
        if (!string.Equals(gal["Provider"], Provider, StringComparison.OrdinalIgnoreCase)) return services;
        var settings = (gal.GetSection("Ldap").Get<LdapGalOptions>() ?? new()).ToSettings();
        services.AddSingleton(new LdapGalDirectory(settings));
        return services;
    }
}
