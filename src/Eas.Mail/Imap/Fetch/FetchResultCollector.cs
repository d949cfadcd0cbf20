using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Fetch;

/// <summary>
/// Sorts the untagged responses of a UID FETCH (RFC 3501 section 6.4.8) into the command's results and the
/// rest: a FETCH whose UID is in the requested set is a result (several responses about one message are
/// merged); <c>VANISHED (EARLIER)</c> is a result when VANISHED was asked for (RFC 7162 section 3.2.6). A FETCH
/// without UID or outside the set, and a plain VANISHED, are unsolicited and declined.
/// </summary>
internal sealed class FetchResultCollector(UidSet requested)
{
    private readonly Dictionary<uint, FetchedMessage> _messages = [];

    public UidSet Vanished { get; private set; } = UidSet.Empty;

    public bool Accept(ImapResponse response)
    {
        switch (response.Name)
        {
            case "FETCH":
                var message = FetchResponseParser.Parse(response);
                if (message.Uid == 0 || !requested.Contains(message.Uid)) return false;
                _messages[message.Uid] = _messages.TryGetValue(message.Uid, out var earlier)
                    ? FetchResponseParser.Merge(earlier, message)
                    : message;
                return true;
            case "VANISHED" when response.Data is [ImapList { Items: [var tag] }, var uids] && ImapData.IsAtom(tag, "EARLIER"):
                Vanished = Vanished.Union(ImapData.ParseUidSet(ImapData.Atom(uids, "the VANISHED UIDs"), "the VANISHED UIDs"));
                return true;
            default:
                return false;
        }
    }

    /// <summary>The results in ascending UID order.</summary>
    public IReadOnlyList<FetchedMessage> Messages() => [.. _messages.Values.OrderBy(message => message.Uid)];
}
