namespace Eas.Host.Options;

/// <summary>
/// Where each account's contacts live (<c>Eas:Pim</c>): folders of its own IMAP mailbox (<c>imap</c>, the default)
/// or a CardDAV server (<c>carddav</c>), chosen per domain. Checked at start by <see cref="Validate"/>.
/// </summary>
public sealed class PimOptions
{
    /// <summary>The store of every domain without its own: <c>imap</c> or <c>carddav</c>.</summary>
    public string Store { get; set; } = "imap";

    /// <summary>Per-domain overrides (<c>Eas:Pim:Domains:example.com:Store</c>).</summary>
    public Dictionary<string, PimDomainOptions> Domains { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public PimCardDavOptions CardDav { get; set; } = new();

    public PimImapOptions Imap { get; set; } = new();

    /// <summary>How often a parked Ping polls a CardDAV store's change token, in seconds.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>
    /// Refuses, at start, an unknown store name, a CardDAV store without a URL template holding <c>{user}</c>, a
    /// store this build has no adapter for, an empty contacts folder name, or a poll interval under 5 seconds.
    /// </summary>
    public static void Validate(PimOptions pim, IReadOnlyCollection<string> available)
    {
        var stores = pim.Domains.Select(d => (Where: $"Eas:Pim:Domains:{d.Key}:Store", d.Value.Store)).Prepend(("Eas:Pim:Store", pim.Store)).ToList();
        foreach (var (where, store) in stores)
        {
            if (store is not ("imap" or "carddav"))
                throw new InvalidOperationException($"{where} is '{store}'; it must be imap or carddav.");
            if (store != "imap" && !available.Contains(store))
                throw new InvalidOperationException($"{where} is '{store}', but this server build has no {store} contacts store yet; use imap.");
        }

        if (stores.Any(s => s.Store == "carddav") && pim.CardDav.UrlTemplate?.Contains("{user}", StringComparison.Ordinal) != true)
            throw new InvalidOperationException("Eas:Pim:CardDav:UrlTemplate must be set and contain {user} when a domain uses the carddav store.");
        if (string.IsNullOrWhiteSpace(pim.Imap.ContactsFolder))
            throw new InvalidOperationException("Eas:Pim:Imap:ContactsFolder must not be empty.");
        if (pim.PollSeconds < 5)
            throw new InvalidOperationException("Eas:Pim:PollSeconds must be at least 5.");
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
    /// <summary>An account's address book home; <c>{user}</c> stands for the account id (<c>https://dav.example.com/{user}/</c>).</summary>
    public string? UrlTemplate { get; set; }
}

/// <summary>The IMAP-folder store (<c>Eas:Pim:Imap</c>).</summary>
public sealed class PimImapOptions
{
    /// <summary>The folder that holds the default contacts collection; created when missing.</summary>
    public string ContactsFolder { get; set; } = "Contacts";
}
