using Eas.Mail.Pim;

namespace Eas.Actors.Mailboxes.Pim;

/// <summary>
/// Chooses the account's adapter by <see cref="PimStoreSettings.StoreFor"/> and opens it through the constructor
/// the host gives for that kind. A kind the host has no adapter for is a configuration error, refused when the
/// store is opened with a message naming the setting (the host also refuses it at start).
/// </summary>
public sealed class PimStoreFactory(PimStoreSettings settings, IReadOnlyDictionary<string, Func<PimStoreTarget, IPimStore>> adapters) : IPimStoreFactory
{
    public PimStoreSettings Settings { get; } = settings;

    public string KindFor(string accountId) => Settings.StoreFor(accountId);

    public TimeSpan PollInterval => Settings.PollInterval;

    public Sync.Pim.PimCodecs Codecs => Settings.Codecs;

    public bool HoldsPim(string accountId, string imapName) => PimKindOf(accountId, imapName) is not null;

    /// <summary>
    /// With the IMAP store, the kind whose folder (<see cref="PimStoreSettings.ImapFolders"/>) is or holds
    /// <paramref name="imapName"/>, among the kinds served; with a DAV store no IMAP folder holds PIM items.
    /// </summary>
    public PimKind? PimKindOf(string accountId, string imapName)
    {
        if (KindFor(accountId) != PimStoreKinds.Imap) return null;
        foreach (var delimiter in (char[])['/', '.'])
        {
            if (Imap.Pim.ImapPimFolders.KindOf(imapName, delimiter, Settings.ImapFolders) is { } kind && Settings.Codecs.Serves(kind)) return kind;
        }

        return null;
    }

    public IPimStore Open(PimStoreTarget target)
    {
        var kind = KindFor(target.AccountId);
        return adapters.TryGetValue(kind, out var open)
            ? open(target)
            : throw new InvalidOperationException($"Eas:Pim store '{kind}' (account {target.AccountId}) has no adapter in this server build; set Eas:Pim:Store or Eas:Pim:Domains:<domain>:Store to imap.");
    }
}
