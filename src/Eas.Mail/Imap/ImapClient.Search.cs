using Eas.Mail.Imap.Messages;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>UID SEARCH (RFC 3501 section 6.4.4 and 6.4.8), with ESEARCH's compact results where offered (RFC 4731).</summary>
public sealed partial class ImapClient
{
    /// <summary>
    /// Searches the selected mailbox and returns the matching UIDs in ascending order. Where ESEARCH is offered
    /// it asks for <c>RETURN (ALL)</c>, whose answer is a compact UID set rather than one number per message.
    /// MODSEQ criteria need CONDSTORE.
    /// </summary>
    public Task<IReadOnlyList<uint>> SearchAsync(ImapSearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync("UID SEARCH", _options.CommandTimeout, async token =>
        {
            RequireSelected("UID SEARCH");
            if (query.UsesModSeq)
            {
                RequireCapability("CONDSTORE", "SEARCH MODSEQ");
                _condStoreUsed = true;
            }

            var extended = Capabilities.Contains("ESEARCH");
            var builder = Command("UID SEARCH");
            if (extended) builder.Raw("RETURN (ALL)");
            builder.Raw(query.ToString());

            var found = UidSet.Empty;
            var numbers = new List<uint>();
            await RunCommandAsync(builder.Build(), response =>
            {
                switch (response.Name)
                {
                    case "ESEARCH":
                        found = found.Union(ParseExtendedSearch(response));
                        return true;
                    case "SEARCH":
                        foreach (var value in response.Data)
                        {
                            if (value is ImapAtom) numbers.Add(ImapData.Number32(value, "a SEARCH result"));
                        }

                        return true;
                    default:
                        return false;
                }
            }, token).ConfigureAwait(false);

            return (IReadOnlyList<uint>)found.Union(UidSet.From(numbers)).ToArray();
        }, cancellationToken);
    }

    /// <summary>
    /// Reads <c>* ESEARCH (TAG "A1") UID ALL 1:3,5 [MODSEQ n]</c> (RFC 4731 section 3.1); a search that matched
    /// nothing has no ALL.
    /// </summary>
    private static UidSet ParseExtendedSearch(ImapResponse response)
    {
        var data = response.Data;
        var index = data.Count > 0 && data[0] is ImapList ? 1 : 0;
        if (index < data.Count && ImapData.IsAtom(data[index], "UID")) index++;
        for (; index + 1 < data.Count; index += 2)
        {
            if (ImapData.IsAtom(data[index], "ALL"))
                return ImapData.ParseUidSet(ImapData.Atom(data[index + 1], "the ESEARCH ALL result"), "the ESEARCH ALL result");
        }

        return UidSet.Empty;
    }
}
