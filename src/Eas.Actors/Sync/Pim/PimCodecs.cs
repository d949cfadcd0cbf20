using System.Collections.Immutable;
using Eas.Actors.Sync.Contacts;
using Eas.Mail.Pim;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// The PIM classes this server serves, one <see cref="IPimItemCodec"/> each, by <see cref="PimKind"/> and by
/// airsync:Class name (MS-ASCMD 2.2.3.27). A kind without a codec appears nowhere: not in FolderSync, not in Sync,
/// Ping or GetItemEstimate, and the IMAP store's folder for it stays an ordinary mail folder.
/// </summary>
public sealed class PimCodecs
{
    private readonly ImmutableDictionary<PimKind, IPimItemCodec> _byKind;
    private readonly ImmutableDictionary<string, IPimItemCodec> _byClass;

    /// <exception cref="ArgumentException">Two codecs claim one kind or one class name.</exception>
    public PimCodecs(IEnumerable<IPimItemCodec> codecs)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        All = [.. codecs];
        _byKind = All.ToImmutableDictionary(c => c.Kind);
        _byClass = All.ToImmutableDictionary(c => c.ClassName, StringComparer.Ordinal);
    }

    /// <summary>The codecs the server serves.</summary>
    public static PimCodecs Default { get; } = new(
    [
        new ContactsCodec(),
    ]);

    /// <summary>No PIM class (a server without a PIM store).</summary>
    public static PimCodecs None { get; } = new([]);

    public ImmutableArray<IPimItemCodec> All { get; }

    /// <summary>The kinds served, in registration order.</summary>
    public IEnumerable<PimKind> Kinds => All.Select(c => c.Kind);

    public bool Serves(PimKind kind) => _byKind.ContainsKey(kind);

    public IPimItemCodec? For(PimKind kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>The codec of an airsync:Class name (Contacts, Calendar, Tasks, Notes), or null.</summary>
    public IPimItemCodec? ForClass(string? className) => className is null ? null : _byClass.GetValueOrDefault(className);
}
