namespace Eas.Mail.Pim.CardDav;

/// <summary>How a <see cref="CardDavPimStore"/> talks to its server.</summary>
public sealed record CardDavOptions
{
    /// <summary>
    /// The collection (its path segment under the home) that is the account's default address book, and the one
    /// created when the home holds none. When no collection has this name, the first one (by id) is the default.
    /// </summary>
    public string DefaultCollectionName { get; init; } = "contacts";

    /// <summary>The display name given to the default address book when it is created.</summary>
    public string DefaultDisplayName { get; init; } = "Contacts";

    /// <summary>
    /// Largest response body read for one request (a PROPFIND, one page of a sync-collection report, one multiget
    /// batch); a larger one is not read, so a hostile or broken server cannot exhaust memory.
    /// </summary>
    public int MaxResponseBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest vCard read or written; a multiget batch of one item may be this large (plus its XML).</summary>
    public int MaxVCardBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How many items one addressbook-multiget REPORT asks for (RFC 6352 8.7).</summary>
    public int MultigetBatchSize { get; init; } = 100;

    /// <summary>How long one request may take before the store counts as unavailable.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
