using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// Mailbox commands of the authenticated state (RFC 3501 section 6.3): LIST with the RETURN options of RFC 5258,
/// RFC 6154 (SPECIAL-USE) and RFC 5819 (LIST-STATUS), STATUS, CREATE, RENAME, DELETE, SUBSCRIBE, UNSUBSCRIBE.
/// Names are given decoded and sent in modified UTF-7 (RFC 3501 section 5.1.3).
/// </summary>
public sealed partial class ImapClient
{
    /// <summary>
    /// LIST (RFC 3501 section 6.3.8) of the mailboxes matching <paramref name="pattern"/> (<c>*</c> for all,
    /// <c>%</c> for one level), in the server's order. Where the server offers LIST-EXTENDED it asks for
    /// <c>RETURN (CHILDREN SPECIAL-USE)</c> (RFC 5258 section 4, RFC 6154 section 5.1; SPECIAL-USE where offered). With
    /// <paramref name="status"/> each selectable mailbox gets its <see cref="ImapMailbox.Status"/>: in the same
    /// command where LIST-STATUS is offered (RFC 5819), otherwise with one STATUS command per mailbox.
    /// </summary>
    public Task<IReadOnlyList<ImapMailbox>> ListAsync(
        string pattern = "*", ImapStatusItems status = ImapStatusItems.None, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return RunAsync("LIST", _options.CommandTimeout, async token =>
        {
            RequireLoggedIn("LIST");
            var statusNames = ImapMailboxStatus.ItemNames(status, Capabilities);
            var listStatus = statusNames.Count > 0 && Capabilities.Contains("LIST-STATUS");
            var extended = Capabilities.Contains("LIST-EXTENDED");
            var specialUse = extended && Capabilities.Contains("SPECIAL-USE");
            var builder = Command("LIST").String("").String(ModifiedUtf7.Encode(pattern));
            if (extended)
            {
                // With RETURN options a server reports \HasChildren only when asked (RFC 5258 section 4).
                builder.Raw("RETURN").BeginList().Atom("CHILDREN");
                if (specialUse) builder.Atom("SPECIAL-USE");
                if (listStatus) builder.Atom("STATUS").Raw($"({string.Join(' ', statusNames)})");
                builder.EndList();
            }

            var mailboxes = new List<ImapMailbox>();
            var statuses = new Dictionary<string, ImapMailboxStatus>(StringComparer.Ordinal);
            await RunCommandAsync(builder.Build(), response =>
            {
                switch (response.Name)
                {
                    case "LIST":
                        mailboxes.Add(ParseList(response));
                        return true;
                    case "STATUS":
                        var (name, data) = ParseStatus(response);
                        statuses[name] = data;
                        return true;
                    default:
                        return false;
                }
            }, token).ConfigureAwait(false);

            if (statusNames.Count > 0 && !listStatus)
            {
                foreach (var mailbox in mailboxes.Where(mailbox => mailbox.IsSelectable))
                    statuses[mailbox.EncodedName] = await StatusCoreAsync(mailbox.EncodedName, statusNames, token).ConfigureAwait(false);
            }

            return (IReadOnlyList<ImapMailbox>)mailboxes
                .Select(mailbox => statuses.TryGetValue(mailbox.EncodedName, out var found) ? mailbox with { Status = found } : mailbox)
                .ToArray();
        }, cancellationToken);
    }

    /// <summary>
    /// STATUS (RFC 3501 section 6.3.10) of a mailbox without selecting it. Items the server does not offer
    /// (HIGHESTMODSEQ without CONDSTORE, SIZE without STATUS=SIZE, MAILBOXID without OBJECTID) are left out
    /// and stay null. RFC 3501 advises against STATUS on the selected mailbox; it works, but may lag.
    /// </summary>
    public Task<ImapMailboxStatus> StatusAsync(
        string mailbox, ImapStatusItems items = ImapStatusItems.Standard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return RunAsync("STATUS", _options.CommandTimeout, token =>
        {
            RequireLoggedIn("STATUS");
            var names = ImapMailboxStatus.ItemNames(items, Capabilities);
            if (names.Count == 0) throw new ArgumentException("No STATUS item asked for is offered by the server.", nameof(items));
            return StatusCoreAsync(ModifiedUtf7.Encode(mailbox), names, token);
        }, cancellationToken);
    }

    /// <summary>
    /// CREATE (RFC 3501 section 6.3.3); intermediate levels are created as needed by most servers. With
    /// <paramref name="specialUse"/> the mailbox is created with that RFC 6154 use (<c>(USE (\Sent))</c>), which
    /// needs the CREATE-SPECIAL-USE capability. Returns the new mailbox's MAILBOXID where the server reports one
    /// (RFC 8474 section 4.1), else null.
    /// </summary>
    public Task<string?> CreateAsync(string mailbox, ImapSpecialUse specialUse = ImapSpecialUse.None, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return RunAsync("CREATE", _options.CommandTimeout, async token =>
        {
            RequireLoggedIn("CREATE");
            var builder = Command("CREATE").String(ModifiedUtf7.Encode(mailbox));
            if (specialUse != ImapSpecialUse.None)
            {
                RequireCapability("CREATE-SPECIAL-USE", "CREATE with a special use");
                var attribute = SpecialUseAttribute(specialUse);
                builder.BeginList().Atom("USE").BeginList().Atom(attribute).EndList().EndList();
            }

            var completion = await RunCommandAsync(builder.Build(), null, token).ConfigureAwait(false);
            return completion.Code is { Name: "MAILBOXID", Arguments: { } id } ? id.Trim('(', ')', ' ') : null;
        }, cancellationToken);
    }

    /// <summary>RENAME (RFC 3501 section 6.3.5); renaming INBOX moves its messages into a new mailbox instead.</summary>
    public Task RenameAsync(string mailbox, string newName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(newName);
        return SimpleMailboxCommandAsync(
            "RENAME", Command("RENAME").String(ModifiedUtf7.Encode(mailbox)).String(ModifiedUtf7.Encode(newName)), cancellationToken);
    }

    /// <summary>DELETE (RFC 3501 section 6.3.4); a mailbox with children may be refused or left as \Noselect.</summary>
    public Task DeleteAsync(string mailbox, CancellationToken cancellationToken = default) =>
        SimpleMailboxCommandAsync("DELETE", Command("DELETE").String(ModifiedUtf7.Encode(mailbox)), cancellationToken);

    /// <summary>SUBSCRIBE (RFC 3501 section 6.3.6).</summary>
    public Task SubscribeAsync(string mailbox, CancellationToken cancellationToken = default) =>
        SimpleMailboxCommandAsync("SUBSCRIBE", Command("SUBSCRIBE").String(ModifiedUtf7.Encode(mailbox)), cancellationToken);

    /// <summary>UNSUBSCRIBE (RFC 3501 section 6.3.7).</summary>
    public Task UnsubscribeAsync(string mailbox, CancellationToken cancellationToken = default) =>
        SimpleMailboxCommandAsync("UNSUBSCRIBE", Command("UNSUBSCRIBE").String(ModifiedUtf7.Encode(mailbox)), cancellationToken);

    private Task SimpleMailboxCommandAsync(string name, ImapCommandBuilder builder, CancellationToken cancellationToken) =>
        RunAsync(name, _options.CommandTimeout, async token =>
        {
            RequireLoggedIn(name);
            await RunCommandAsync(builder.Build(), null, token).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<ImapMailboxStatus> StatusCoreAsync(string encodedName, List<string> items, CancellationToken cancellationToken)
    {
        var command = Command("STATUS").String(encodedName).Raw($"({string.Join(' ', items)})").Build();
        ImapMailboxStatus? result = null;
        await RunCommandAsync(command, response =>
        {
            // While NOTIFY is set, STATUS responses about other mailboxes are notifications, and one about this
            // mailbox may carry only the items that changed (RFC 5465 section 5.1): merge rather than replace.
            if (response.Name != "STATUS") return false;
            var (name, status) = ParseStatus(response);
            if (name != encodedName) return false;
            result = result is null ? status : result.Apply(status);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return result ?? throw new ImapProtocolException($"The IMAP server completed STATUS without a STATUS response for \"{encodedName}\".");
    }

    /// <summary>Reads <c>* LIST (attributes) "/" name [extended data]</c> (RFC 5258 section 3, grammar <c>mailbox-list</c>).</summary>
    internal static ImapMailbox ParseList(ImapResponse response)
    {
        if (response.Data.Count < 3) throw ImapData.Malformed($"a LIST response should have attributes, delimiter and name but is {response}");
        var attributes = ImapData.List(response.Data[0], "the LIST attributes").Items.Select(item => ImapData.Atom(item, "a mailbox attribute"));
        var delimiter = ImapData.NString(response.Data[1], "the LIST delimiter") switch
        {
            null => (char?)null,
            [var single] => single,
            var other => throw ImapData.Malformed($"the LIST delimiter should be one character but is \"{other}\""),
        };
        var encoded = ImapData.AString(response.Data[2], "the LIST mailbox name");
        var name = ModifiedUtf7.TryDecode(encoded, out var decoded) ? decoded : encoded;
        return new ImapMailbox(name, encoded, delimiter, ImapMailbox.AttributeSet(attributes));
    }

    /// <summary>Reads <c>* STATUS name (items)</c>; returns the wire name and the data.</summary>
    internal static (string EncodedName, ImapMailboxStatus Status) ParseStatus(ImapResponse response)
    {
        if (response.Data.Count != 2) throw ImapData.Malformed($"a STATUS response should have a name and a list but is {response}");
        return (ImapData.AString(response.Data[0], "the STATUS mailbox name"), ImapMailboxStatus.Parse(response.Data[1]));
    }

    private static string SpecialUseAttribute(ImapSpecialUse use) => use switch
    {
        ImapSpecialUse.Drafts => ImapMailboxAttributes.Drafts,
        ImapSpecialUse.Sent => ImapMailboxAttributes.Sent,
        ImapSpecialUse.Trash => ImapMailboxAttributes.Trash,
        ImapSpecialUse.Junk => ImapMailboxAttributes.Junk,
        ImapSpecialUse.Archive => ImapMailboxAttributes.Archive,
        ImapSpecialUse.All => ImapMailboxAttributes.All,
        ImapSpecialUse.Flagged => ImapMailboxAttributes.Flagged,
        _ => throw new ArgumentOutOfRangeException(nameof(use), use, "Not a special use a mailbox can be created with (RFC 6154 section 2)."),
    };
}
