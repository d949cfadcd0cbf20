using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Makes every code page .NET ships (Shift_JIS, GB2312, Big5, EUC-KR, KOI8-R, ISO-2022-JP...) available to
/// MimeKit before it first resolves a charset. It must run first: MimeKit remembers a charset it could not
/// resolve for the life of the process, so one header decoded before registration would leave, say, every
/// Shift_JIS body unreadable until a restart. A module initializer runs before any code of this assembly,
/// which is the only way this server reaches MimeKit.
/// <para>
/// The provider is asked first for every charset .NET resolves, the built-in ones too (UTF-8, ISO-8859-1,
/// US-ASCII), and <see cref="CodePagesEncodingProvider"/> answers a code page it does not carry by reading its
/// table's header from its resources again each time (about 7 KB allocated per message read). So its answers are
/// remembered (<see cref="CachedCodePages"/>).
/// </para>
/// </summary>
internal static class CodePages
{
    /// <summary>The provider this server registers, the one instance.</summary>
    public static EncodingProvider Provider { get; } = new CachedCodePages(CodePagesEncodingProvider.Instance);

#pragma warning disable CA2255 // A library's module initializer: registering an encoding provider is idempotent and process-wide by design.
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(Provider);
#pragma warning restore CA2255
}

/// <summary>
/// An <see cref="EncodingProvider"/> that remembers what another answers, "none" included, by code page and by name.
/// Names come from mail (charset labels), so at most <see cref="MaxEntries"/> of each are kept; beyond that the
/// other provider is asked each time, as without the cache.
/// </summary>
internal sealed class CachedCodePages(EncodingProvider inner) : EncodingProvider
{
    /// <summary>The most code pages, and the most names, remembered.</summary>
    public const int MaxEntries = 512;

    private readonly ConcurrentDictionary<int, Encoding?> _byCodePage = new();
    private readonly ConcurrentDictionary<string, Encoding?> _byName = new(StringComparer.OrdinalIgnoreCase);

    public override Encoding? GetEncoding(int codepage)
    {
        if (_byCodePage.TryGetValue(codepage, out var known)) return known;
        var encoding = inner.GetEncoding(codepage);
        if (_byCodePage.Count < MaxEntries) _byCodePage.TryAdd(codepage, encoding);
        return encoding;
    }

    public override Encoding? GetEncoding(string name)
    {
        if (_byName.TryGetValue(name, out var known)) return known;
        var encoding = inner.GetEncoding(name);
        if (_byName.Count < MaxEntries) _byName.TryAdd(name, encoding);
        return encoding;
    }

    public override IEnumerable<EncodingInfo> GetEncodings() => inner.GetEncodings();
}
