using System.Collections.Immutable;
using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Actors.Mailboxes.Pim;
using Eas.Host.Options;
using Eas.Mail.Pim;

namespace Eas.Host.Hosting;

/// <summary>Builds the PIM store factory from <c>Eas:Pim</c>: which adapter each domain uses, and how each is opened.</summary>
internal static class PimComposition
{
    public static PimStoreFactory From(PimOptions options, ILoggerFactory? loggers = null)
    {
        var adapters = Adapters(options, loggers);
        PimOptions.Validate(options, [.. adapters.Keys]);
        var settings = new PimStoreSettings(
            options.Store,
            options.Domains.ToImmutableDictionary(d => d.Key.ToLowerInvariant(), d => d.Value.Store, StringComparer.Ordinal))
        {
            CardDavUrlTemplate = options.CardDav.UrlTemplate,
            ImapContactsFolder = options.Imap.ContactsFolder,
            PollInterval = TimeSpan.FromSeconds(options.PollSeconds),
        };
        return new PimStoreFactory(settings, adapters);
    }

    /// <summary>The adapters this build has, by <see cref="PimStoreKinds"/> name.</summary>
    private static Dictionary<string, Func<PimStoreTarget, IPimStore>> Adapters(PimOptions options, ILoggerFactory? loggers)
    {
        var imap = new ImapPimOptions(options.Imap.ContactsFolder);
        var logger = loggers?.CreateLogger<ImapPimStore>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        return new(StringComparer.Ordinal)
        {
            [PimStoreKinds.Imap] = target => new ImapPimStore(target.Session, imap) { Logger = logger },
        };
    }
}
