using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>Extensions a session turns on or announces: ENABLE (RFC 5161) and ID (RFC 2971).</summary>
public sealed partial class ImapClient
{
    private const int MaxIdPairs = 30;
    private const int MaxIdFieldOctets = 30;
    private const int MaxIdValueOctets = 1024;

    private readonly HashSet<string> _enabled = new(StringComparer.OrdinalIgnoreCase);
    private bool _condStoreUsed;

    /// <summary>The extensions the server confirmed with <c>* ENABLED</c> in this session (RFC 5161 section 3.2).</summary>
    public IReadOnlySet<string> EnabledExtensions => _enabled.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// What the session uses for change tracking: QRESYNC once enabled; CONDSTORE once enabled or once a
    /// CONDSTORE-enabling command ran (SELECT (CONDSTORE), FETCH MODSEQ, CHANGEDSINCE, UNCHANGEDSINCE; RFC 7162
    /// section 3.1).
    /// </summary>
    public ImapChangeTracking ChangeTracking =>
        _enabled.Contains("QRESYNC") ? ImapChangeTracking.QuickResync
        : _enabled.Contains("CONDSTORE") || _condStoreUsed ? ImapChangeTracking.CondStore
        : ImapChangeTracking.None;

    /// <summary>
    /// ENABLE (RFC 5161): turns on extensions that change how the server talks, such as QRESYNC or
    /// CONDSTORE. Allowed only while no mailbox is selected; requires the ENABLE capability. Returns the
    /// extensions the server enabled now; the others it did not know or did not want.
    /// </summary>
    public Task<IReadOnlySet<string>> EnableAsync(IEnumerable<string> extensions, CancellationToken cancellationToken = default)
    {
        var names = extensions.ToArray();
        if (names.Length == 0) throw new ArgumentException("ENABLE needs at least one extension.", nameof(extensions));
        return RunAsync("ENABLE", _options.CommandTimeout, token => EnableCoreAsync(names, token), cancellationToken);
    }

    /// <summary>
    /// Turns on the best change tracking the server offers (RFC 7162): ENABLE QRESYNC (which implies CONDSTORE)
    /// where QRESYNC is offered, else ENABLE CONDSTORE; without ENABLE, CONDSTORE is used implicitly by
    /// SELECT with <see cref="Mailboxes.ImapSelectOptions.CondStore"/>. Call it after login, before selecting.
    /// </summary>
    public Task<ImapChangeTracking> EnableChangeTrackingAsync(CancellationToken cancellationToken = default) =>
        RunAsync("ENABLE", _options.CommandTimeout, async token =>
        {
            var canEnable = Capabilities.Contains("ENABLE");
            if (canEnable && Capabilities.Contains("QRESYNC")) await EnableCoreAsync(["QRESYNC"], token).ConfigureAwait(false);
            if (canEnable && ChangeTracking == ImapChangeTracking.None && Capabilities.Contains("CONDSTORE"))
                await EnableCoreAsync(["CONDSTORE"], token).ConfigureAwait(false);
            return ChangeTracking;
        }, cancellationToken);

    /// <summary>
    /// ID (RFC 2971): tells the server who the client is, and learns who the server is. Keys are at most 30
    /// octets, values at most 1024, at most 30 pairs (RFC 2971 section 3.3); a null value is sent as NIL. The
    /// gateway sends e.g. <c>name</c>, <c>version</c> and <c>x-originating-ip</c>. Returns the server's fields,
    /// or <see langword="null"/> without sending anything when the server does not offer ID.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string?>?> IdAsync(
        IReadOnlyDictionary<string, string?>? clientFields, CancellationToken cancellationToken = default)
    {
        CheckIdFields(clientFields);
        return RunAsync("ID", _options.CommandTimeout, async token =>
        {
            if (!Capabilities.Contains("ID")) return null;
            var builder = Command("ID");
            if (clientFields is null || clientFields.Count == 0)
            {
                builder.Raw("NIL");
            }
            else
            {
                builder.BeginList();
                foreach (var (key, value) in clientFields)
                {
                    builder.String(key);
                    if (value is null) builder.Raw("NIL");
                    else builder.String(value);
                }

                builder.EndList();
            }

            IReadOnlyDictionary<string, string?> server = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            await RunCommandAsync(builder.Build(), response =>
            {
                if (response.Name != "ID") return false;
                server = ParseId(response);
                return true;
            }, token).ConfigureAwait(false);
            return server;
        }, cancellationToken);
    }

    private async Task<IReadOnlySet<string>> EnableCoreAsync(string[] names, CancellationToken cancellationToken)
    {
        RequireLoggedIn("ENABLE");
        if (Selected is not null) throw new InvalidOperationException("ENABLE is allowed only while no mailbox is selected (RFC 5161 section 3.1).");
        RequireCapability("ENABLE", "ENABLE");
        var builder = Command("ENABLE");
        foreach (var name in names) builder.Atom(name);
        var enabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await RunCommandAsync(builder.Build(), response =>
        {
            if (response.Name != "ENABLED") return false;
            foreach (var value in response.Data) enabled.Add(ImapData.Atom(value, "an enabled extension"));
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _enabled.UnionWith(enabled);
        if (enabled.Contains("QRESYNC")) _enabled.Add("CONDSTORE");
        return enabled;
    }

    private static void CheckIdFields(IReadOnlyDictionary<string, string?>? fields)
    {
        if (fields is null) return;
        if (fields.Count > MaxIdPairs) throw new ArgumentException($"ID allows at most {MaxIdPairs} fields (RFC 2971 section 3.3).", nameof(fields));
        foreach (var (key, value) in fields)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(key) is 0 or > MaxIdFieldOctets)
                throw new ArgumentException($"ID field names must have 1 to {MaxIdFieldOctets} octets (RFC 2971 section 3.3).", nameof(fields));
            if (value is not null && System.Text.Encoding.UTF8.GetByteCount(value) > MaxIdValueOctets)
                throw new ArgumentException($"ID values may have at most {MaxIdValueOctets} octets (RFC 2971 section 3.3).", nameof(fields));
        }
    }

    /// <summary>Reads <c>* ID ("name" "Dovecot" ...)</c> or <c>* ID NIL</c>.</summary>
    private static Dictionary<string, string?> ParseId(ImapResponse response)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (response.Data is not [var data] || ImapData.NList(data, "the ID fields") is not { } list) return fields;
        if (list.Items.Count % 2 != 0) throw ImapData.Malformed("ID fields should come in name/value pairs");
        for (var i = 0; i < list.Items.Count; i += 2)
            fields.TryAdd(ImapData.String(list.Items[i], "an ID field name"), ImapData.NString(list.Items[i + 1], "an ID field value"));
        return fields;
    }
}
