using System.Collections.Immutable;
using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Actors.Mailboxes.Pim;
using Eas.Host.Options;
using Eas.Mail.Pim;
using Eas.Mail.Pim.CalDav;
using Eas.Mail.Pim.CardDav;

namespace Eas.Host.Hosting;

/// <summary>
/// Builds the PIM store factory from <c>Eas:Pim</c>: which adapter each domain uses, how each is opened, and the
/// classes served (<see cref="Eas.Actors.Sync.Pim.PimCodecs.Default"/> unless the host registers its own).
/// </summary>
internal static class PimComposition
{
    public static PimStoreFactory From(PimOptions options, ILoggerFactory? loggers = null, Eas.Actors.Sync.Pim.PimCodecs? codecs = null)
    {
        var adapters = Adapters(options, loggers);
        PimOptions.Validate(options, [.. adapters.Keys]);
        var settings = new PimStoreSettings(
            options.Store,
            options.Domains.ToImmutableDictionary(d => d.Key.ToLowerInvariant(), d => d.Value.Store, StringComparer.Ordinal))
        {
            CardDavUrlTemplate = options.CardDav.UrlTemplate,
            ImapContactsFolder = options.Imap.ContactsFolder,
            ImapCalendarFolder = options.Imap.CalendarFolder,
            ImapTasksFolder = options.Imap.TasksFolder,
            ImapNotesFolder = options.Imap.NotesFolder,
            Codecs = codecs ?? Eas.Actors.Sync.Pim.PimCodecs.Default,
            PollInterval = TimeSpan.FromSeconds(options.PollSeconds),
        };
        return new PimStoreFactory(settings, adapters);
    }

    /// <summary>The adapters this build has, by <see cref="PimStoreKinds"/> name.</summary>
    private static Dictionary<string, Func<PimStoreTarget, IPimStore>> Adapters(PimOptions options, ILoggerFactory? loggers)
    {
        var imap = new ImapPimOptions(options.Imap.ContactsFolder, options.Imap.CalendarFolder, options.Imap.TasksFolder, options.Imap.NotesFolder);
        var logger = loggers?.CreateLogger<ImapPimStore>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var http = new Lazy<HttpClient>(SharedClient, LazyThreadSafetyMode.ExecutionAndPublication);
        var cardDav = CardDav(options, http, loggers);
        var calDav = CalDav(options, http, loggers);
        return new(StringComparer.Ordinal)
        {
            [PimStoreKinds.Imap] = target => new ImapPimStore(target.Session, imap) { Logger = logger },
            [PimStoreKinds.CardDav] = cardDav,
            [PimStoreKinds.Dav] = target => new KindRoutedPimStore(PimStoreKinds.Dav, cardDav(target), calDav(target)),
        };
    }

    /// <summary>
    /// Opens a <see cref="CardDavPimStore"/> on the account's home (the template expanded for the signed-in login)
    /// with the phone's verified credentials. Every store shares one <see cref="HttpClient"/> for the process, made on
    /// first use (a start-time validation never opens a connection).
    /// </summary>
    private static Func<PimStoreTarget, IPimStore> CardDav(PimOptions options, Lazy<HttpClient> http, ILoggerFactory? loggers)
    {
        var template = options.CardDav.UrlTemplate;
        var dav = new CardDavOptions { RequestTimeout = TimeSpan.FromSeconds(options.CardDav.TimeoutSeconds) };
        var logger = loggers?.CreateLogger<CardDavPimStore>();
        return target =>
        {
            var home = new Uri(PimStoreSettings.ExpandCardDavTemplate(
                template ?? throw new InvalidOperationException("Eas:Pim:CardDav:UrlTemplate is not set."),
                target.AccountId,
                target.Credentials.Login));
            return new CardDavPimStore(http.Value, home, target.Credentials.Login, target.Credentials.Password, dav, logger);
        };
    }

    /// <summary>
    /// Opens a <see cref="CalDavPimStore"/> that discovers the account's calendar home from the template expanded for
    /// the signed-in login (RFC 4791 6.2.1), with the phone's verified credentials, on the same shared client.
    /// </summary>
    private static Func<PimStoreTarget, CalDavPimStore> CalDav(PimOptions options, Lazy<HttpClient> http, ILoggerFactory? loggers)
    {
        var template = options.CalDav.UrlTemplate;
        var dav = new CalDavOptions { RequestTimeout = TimeSpan.FromSeconds(options.CalDav.TimeoutSeconds) };
        var logger = loggers?.CreateLogger<CalDavPimStore>();
        return target =>
        {
            var start = new Uri(PimStoreSettings.ExpandCardDavTemplate(
                template ?? throw new InvalidOperationException("Eas:Pim:CalDav:UrlTemplate is not set."),
                target.AccountId,
                target.Credentials.Login));
            return new CalDavPimStore(http.Value, start, target.Credentials.Login, target.Credentials.Password, dav, logger);
        };
    }

    /// <summary>
    /// The process's CardDAV and CalDAV client: pooled connections recycled every few minutes (so DNS changes are seen), idle
    /// ones closed after a minute, a connect timeout; the per-request deadline is the store's own
    /// (<see cref="CardDavOptions.RequestTimeout"/>), so the client's is infinite.
    /// </summary>
    private static HttpClient SharedClient() =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            MaxConnectionsPerServer = 64,
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
