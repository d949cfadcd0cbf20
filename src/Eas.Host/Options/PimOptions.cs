namespace Eas.Host.Options;

/// <summary>
/// Where each account's contacts, calendars, tasks and notes live (<c>Eas:Pim</c>): folders of its own IMAP mailbox
/// (<c>imap</c>, the default), a CardDAV server for contacts (<c>carddav</c>), or a CardDAV server for contacts and a
/// CalDAV server for the rest (<c>dav</c>), chosen per domain. Checked at start by <see cref="Validate"/>.
/// </summary>
public sealed class PimOptions
{
    /// <summary>The store of every domain without its own: <c>imap</c>, <c>carddav</c> or <c>dav</c>.</summary>
    public string Store { get; set; } = "imap";

    /// <summary>Per-domain overrides (<c>Eas:Pim:Domains:example.com:Store</c>).</summary>
    public Dictionary<string, PimDomainOptions> Domains { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public PimCardDavOptions CardDav { get; set; } = new();

    public PimCalDavOptions CalDav { get; set; } = new();

    public PimImapOptions Imap { get; set; } = new();

    /// <summary>How often a parked Ping polls a CardDAV or CalDAV collection's change token, in seconds.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>
    /// Refuses, at start, an unknown store name, a CardDAV store without a URL template holding <c>{user}</c>, a
    /// <c>dav</c> store without a CalDAV URL template, a store this build has no adapter for, an empty PIM folder name
    /// or one two kinds share, or a poll interval under 5 seconds.
    /// </summary>
    public static void Validate(PimOptions pim, IReadOnlyCollection<string> available)
    {
        var stores = pim.Domains.Select(d => (Where: $"Eas:Pim:Domains:{d.Key}:Store", d.Value.Store)).Prepend(("Eas:Pim:Store", pim.Store)).ToList();
        foreach (var (where, store) in stores)
        {
            if (store is not ("imap" or "carddav" or "dav"))
                throw new InvalidOperationException($"{where} is '{store}'; it must be imap, carddav or dav.");
            if (store != "imap" && !available.Contains(store))
                throw new InvalidOperationException($"{where} is '{store}', but this server build has no {store} contacts store yet; use imap.");
        }

        if (stores.Any(s => s.Store is "carddav" or "dav"))
            ValidateCardDav(pim.CardDav);
        if (stores.Any(s => s.Store == "dav"))
            ValidateCalDav(pim.CalDav);
        string[] folders = [pim.Imap.ContactsFolder, pim.Imap.CalendarFolder, pim.Imap.TasksFolder, pim.Imap.NotesFolder];
        string[] names = ["ContactsFolder", "CalendarFolder", "TasksFolder", "NotesFolder"];
        for (var i = 0; i < folders.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(folders[i]))
                throw new InvalidOperationException($"Eas:Pim:Imap:{names[i]} must not be empty.");
            if (Array.FindIndex(folders, f => string.Equals(f, folders[i], StringComparison.Ordinal)) != i)
                throw new InvalidOperationException($"Eas:Pim:Imap:{names[i]} '{folders[i]}' is already the folder of another kind.");
        }

        if (pim.PollSeconds < MinPollSeconds)
            throw new InvalidOperationException($"Eas:Pim:PollSeconds must be at least {MinPollSeconds}.");
    }

    /// <summary>The shortest poll interval accepted; shorter ones would load a shared CardDAV server for little gain.</summary>
    public const int MinPollSeconds = 5;

    /// <summary>
    /// The template must be an absolute http(s) URL naming the user: <c>{user}</c> (the login), or <c>{localpart}</c>
    /// (alone or with <c>{domain}</c>), so two accounts never share one address-book home.
    /// </summary>
    private static void ValidateCardDav(PimCardDavOptions dav)
    {
        var template = dav.UrlTemplate;
        if (template is null
            || !(template.Contains("{user}", StringComparison.Ordinal) || template.Contains("{localpart}", StringComparison.Ordinal)))
            throw new InvalidOperationException("Eas:Pim:CardDav:UrlTemplate must be set and contain {user} (or {localpart}) when a domain uses the carddav store.");
        var sample = template.Replace("{user}", "u", StringComparison.Ordinal).Replace("{localpart}", "u", StringComparison.Ordinal).Replace("{domain}", "d", StringComparison.Ordinal);
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Eas:Pim:CardDav:UrlTemplate '{template}' is not an absolute http or https URL.");
        if (dav.TimeoutSeconds is < 1 or > 300)
            throw new InvalidOperationException("Eas:Pim:CardDav:TimeoutSeconds must be between 1 and 300.");
    }

    /// <summary>
    /// Discovery starts at the template (RFC 4791 6.2.1): an absolute http(s) URL, with or without placeholders, since
    /// the server names the home of whoever signed in.
    /// </summary>
    private static void ValidateCalDav(PimCalDavOptions dav)
    {
        var template = dav.UrlTemplate
            ?? throw new InvalidOperationException("Eas:Pim:CalDav:UrlTemplate must be set when a domain uses the dav store.");
        var sample = template.Replace("{user}", "u", StringComparison.Ordinal).Replace("{localpart}", "u", StringComparison.Ordinal).Replace("{domain}", "d", StringComparison.Ordinal);
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Eas:Pim:CalDav:UrlTemplate '{template}' is not an absolute http or https URL.");
        if (dav.TimeoutSeconds is < 1 or > 300)
            throw new InvalidOperationException("Eas:Pim:CalDav:TimeoutSeconds must be between 1 and 300.");
    }
}

/// <summary>One domain's PIM store (<c>Eas:Pim:Domains:&lt;domain&gt;</c>).</summary>
public sealed class PimDomainOptions
{
    public string Store { get; set; } = "imap";
}

/// <summary>The CardDAV store (<c>Eas:Pim:CardDav</c>).</summary>
public sealed class PimCardDavOptions
{
    /// <summary>
    /// An account's address-book home (<c>https://dav.example.com/{user}/</c>): <c>{user}</c> is the IMAP login the
    /// phone signed in with, <c>{localpart}</c> and <c>{domain}</c> its halves around the last <c>@</c>. The phone's
    /// verified credentials are sent to this server (HTTP Basic), so it should be https outside a test.
    /// </summary>
    public string? UrlTemplate { get; set; }

    /// <summary>How long one CardDAV request may take before the store counts as unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>The CalDAV side of the <c>dav</c> store (<c>Eas:Pim:CalDav</c>).</summary>
public sealed class PimCalDavOptions
{
    /// <summary>
    /// Where discovery of an account's calendar home starts: the server's root or context path
    /// (<c>https://dav.example.com/</c>), or the account's principal or home with the placeholders of
    /// <see cref="PimCardDavOptions.UrlTemplate"/>. The phone's verified credentials are sent to this server (HTTP
    /// Basic), and only to its origin, so it should be https outside a test.
    /// </summary>
    public string? UrlTemplate { get; set; }

    /// <summary>How long one CalDAV request may take before the store counts as unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>The IMAP-folder store (<c>Eas:Pim:Imap</c>).</summary>
public sealed class PimImapOptions
{
    /// <summary>The folder that holds the default contacts collection; created when missing.</summary>
    public string ContactsFolder { get; set; } = "Contacts";

    /// <summary>The folder that holds the default calendar; created when missing (once a calendar codec is served).</summary>
    public string CalendarFolder { get; set; } = "Calendar";

    /// <summary>The folder that holds the default tasks collection; created when missing (once a tasks codec is served).</summary>
    public string TasksFolder { get; set; } = "Tasks";

    /// <summary>The folder that holds the default notes collection; created when missing (once a notes codec is served).</summary>
    public string NotesFolder { get; set; } = "Notes";
}
