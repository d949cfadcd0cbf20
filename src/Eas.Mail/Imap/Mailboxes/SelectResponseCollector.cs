using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Mailboxes;

/// <summary>
/// Gathers the untagged responses of SELECT and EXAMINE (RFC 3501 section 6.3.1; RFC 7162 sections 3.1.2.1,
/// 3.2.5 and 3.2.11) into a <see cref="SelectedMailbox"/>. Responses before <c>[CLOSED]</c> still belong to the
/// previously selected mailbox and are declined, so that the caller queues them as that mailbox's events.
/// </summary>
internal sealed class SelectResponseCollector(string name, bool readOnly, bool awaitClosed)
{
    private readonly Dictionary<uint, FetchedMessage> _changed = [];
    private bool _awaitClosed = awaitClosed;
    private SelectedMailbox _mailbox = new() { Name = name, ReadOnly = readOnly };
    private UidSet _vanished = UidSet.Empty;
    private bool _sawUidValidity;

    /// <summary>Takes a response if it describes the mailbox being selected.</summary>
    public bool Accept(ImapResponse response)
    {
        if (response.Code?.Name == "CLOSED")
        {
            _awaitClosed = false;
            return true;
        }

        if (_awaitClosed) return false;
        if (response.IsStatus)
        {
            if (response.Status == ImapResponseStatus.Ok) ApplyCode(response.Code);
            return response.Status == ImapResponseStatus.Ok;
        }

        switch (response.Name)
        {
            case "FLAGS":
                _mailbox = _mailbox with { Flags = ImapData.Flags(response.Data.Count == 1 ? response.Data[0] : ImapNil.Instance, "FLAGS") };
                return true;
            case "EXISTS" when response.Number is { } exists:
                _mailbox = _mailbox with { Exists = (uint)Math.Min(exists, uint.MaxValue) };
                return true;
            case "RECENT" when response.Number is { } recent:
                _mailbox = _mailbox with { Recent = (uint)Math.Min(recent, uint.MaxValue) };
                return true;
            case "VANISHED" when response.Data is [ImapList { Items: [var earlier] }, var uids] && ImapData.IsAtom(earlier, "EARLIER"):
                _vanished = _vanished.Union(ImapData.ParseUidSet(ImapData.Atom(uids, "the VANISHED UIDs"), "the VANISHED UIDs"));
                return true;
            case "FETCH":
                var message = FetchResponseParser.Parse(response);
                if (message.Uid == 0) return false;
                _changed[message.Uid] = _changed.TryGetValue(message.Uid, out var earlierData)
                    ? FetchResponseParser.Merge(earlierData, message)
                    : message;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Completes the mailbox from the tagged OK (<c>[READ-ONLY]</c> or <c>[READ-WRITE]</c>).</summary>
    public SelectedMailbox Complete(ImapResponse completion)
    {
        ApplyCode(completion.Code);
        if (!_sawUidValidity)
            throw new ImapProtocolException($"The IMAP server selected \"{_mailbox.Name}\" without reporting UIDVALIDITY (RFC 3501 section 6.3.1).");
        return _mailbox with { Vanished = _vanished, Changed = [.. _changed.Values.OrderBy(message => message.Uid)] };
    }

    private void ApplyCode(ImapResponseCode? code)
    {
        if (code is null) return;
        var words = ImapData.CodeWords(code.Arguments);
        _mailbox = code.Name switch
        {
            "UIDVALIDITY" => UidValidity(words),
            "UIDNEXT" => _mailbox with { UidNext = ImapData.ParseNumber32(Single(code, words), "UIDNEXT") },
            "UNSEEN" => _mailbox with { FirstUnseen = ImapData.ParseNumber32(Single(code, words), "UNSEEN") },
            "HIGHESTMODSEQ" => _mailbox with { HighestModSeq = ImapData.ParseNumber(Single(code, words), "HIGHESTMODSEQ") },
            "NOMODSEQ" => _mailbox with { NoModSeq = true, HighestModSeq = null },
            "PERMANENTFLAGS" => _mailbox with { PermanentFlags = words },
            "MAILBOXID" => _mailbox with { MailboxId = Single(code, words) },
            "READ-ONLY" => _mailbox with { ReadOnly = true },
            "READ-WRITE" => _mailbox with { ReadOnly = false },
            _ => _mailbox,
        };
    }

    private SelectedMailbox UidValidity(string[] words)
    {
        _sawUidValidity = true;
        return _mailbox with { UidValidity = ImapData.ParseNumber32(words.Length == 1 ? words[0] : "", "UIDVALIDITY") };
    }

    private static string Single(ImapResponseCode code, string[] words) =>
        words.Length == 1 ? words[0] : throw ImapData.Malformed($"the response code {code} should have one argument");
}
