using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Watching;

/// <summary>
/// Reads what a server sends while NOTIFY is set (RFC 5465 section 5): <c>* STATUS</c> for changes in other
/// mailboxes, <c>* LIST</c> (with the <c>OLDNAME</c> extended item after a rename) for changes to the hierarchy
/// and subscriptions, and the <c>NOTIFICATIONOVERFLOW</c> response code.
/// </summary>
internal static class NotifyResponseParser
{
    /// <summary>The event a STATUS or LIST response reports; null for any other response.</summary>
    public static ImapMailboxEvent? TryParse(ImapResponse response) => response switch
    {
        { Kind: ImapResponseKind.Untagged, Name: "STATUS" } => Status(response),
        { Kind: ImapResponseKind.Untagged, Name: "LIST" } => List(response),
        _ => null,
    };

    /// <summary>Whether the response is <c>* OK [NOTIFICATIONOVERFLOW]</c> (RFC 5465 section 5.8).</summary>
    public static bool IsOverflow(ImapResponse response) =>
        response is { Kind: ImapResponseKind.Untagged, Status: ImapResponseStatus.Ok, Code.Name: "NOTIFICATIONOVERFLOW" };

    /// <summary>Reads <c>* STATUS name (items)</c>; the items sent are set, the others stay null.</summary>
    public static ImapMailboxStatusChanged Status(ImapResponse response)
    {
        var (encoded, status) = ImapClient.ParseStatus(response);
        return new ImapMailboxStatusChanged(DecodeName(encoded), status);
    }

    /// <summary>Reads <c>* LIST (attributes) delimiter name [("OLDNAME" (old))]</c> (RFC 5465 section 5.4, RFC 5258 section 3).</summary>
    public static ImapMailboxListChanged List(ImapResponse response)
    {
        var listed = ImapClient.ParseList(response);
        string? oldName = null;
        if (response.Data.Count > 3)
        {
            var extended = ImapData.List(response.Data[3], "the LIST extended data").Items;
            if (extended.Count % 2 != 0) throw ImapData.Malformed($"LIST extended data should come in tag/value pairs but is {response.Data[3]}");
            for (var i = 0; i < extended.Count; i += 2)
            {
                if (!ImapData.String(extended[i], "a LIST extended tag").Equals("OLDNAME", StringComparison.OrdinalIgnoreCase)) continue;
                var value = ImapData.List(extended[i + 1], "OLDNAME").Items;
                if (value.Count != 1) throw ImapData.Malformed($"OLDNAME should hold one mailbox name but is {extended[i + 1]}");
                oldName = DecodeName(ImapData.AString(value[0], "the OLDNAME mailbox"));
            }
        }

        return new ImapMailboxListChanged(listed, oldName);
    }

    /// <summary>
    /// Decodes a mailbox name from modified UTF-7 (RFC 3501 section 5.1.3). A name that is not valid modified
    /// UTF-7 is kept as it came, already decoded from UTF-8: Dovecot 2.3.19 sends NOTIFY's names that way.
    /// </summary>
    public static string DecodeName(string wire) => ModifiedUtf7.TryDecode(wire, out var decoded) ? decoded : wire;
}
