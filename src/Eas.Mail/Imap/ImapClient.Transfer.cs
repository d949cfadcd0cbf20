using Eas.Mail.Imap.Messages;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// Putting messages into mailboxes: APPEND (RFC 3501 section 6.3.11) with APPENDUID (RFC 4315), UID COPY
/// (RFC 3501 section 6.4.7) and UID MOVE (RFC 6851), both with COPYUID (RFC 4315).
/// </summary>
public sealed partial class ImapClient
{
    private static readonly string[] DeletedFlag = [@"\Deleted"];

    /// <summary>
    /// APPEND: stores the RFC 5322 message read from <paramref name="message"/> (from its current position,
    /// <paramref name="length"/> octets, or to its end if seekable) in <paramref name="mailbox"/>, with optional
    /// flags and internal date. The octets are copied to the connection as a literal without being buffered, as
    /// a non-synchronizing one where LITERAL+ is offered (RFC 7888). Returns the new UID where the server offers
    /// UIDPLUS, else null. A missing mailbox fails with <c>[TRYCREATE]</c> in the exception's response code.
    /// </summary>
    public Task<ImapAppendResult?> AppendAsync(
        string mailbox, Stream message, IEnumerable<string>? flags = null, DateTimeOffset? internalDate = null,
        long? length = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(message);
        var size = length ?? (message.CanSeek
            ? message.Length - message.Position
            : throw new ArgumentException("The length of a non-seekable message stream must be given.", nameof(length)));
        var flagList = flags?.ToArray() ?? [];
        return RunAsync("APPEND", _options.CommandTimeout, async token =>
        {
            RequireLoggedIn("APPEND");
            var builder = Command("APPEND").String(ModifiedUtf7.Encode(mailbox));
            if (flagList.Length > 0)
            {
                builder.BeginList();
                foreach (var flag in flagList) builder.Atom(flag);
                builder.EndList();
            }

            if (internalDate is { } date) builder.String(ImapData.FormatDateTime(date));
            builder.Literal(message, size);
            var completion = await RunCommandAsync(builder.Build(), null, token).ConfigureAwait(false);
            if (completion.Code is not { Name: "APPENDUID" } code) return null;
            var words = ImapData.CodeWords(code.Arguments);
            if (words.Length != 2) throw ImapData.Malformed($"APPENDUID should have two arguments but is {code}");
            return new ImapAppendResult(ImapData.ParseNumber32(words[0], "the APPENDUID validity"), ImapData.ParseNumber32(words[1], "the APPENDUID UID"));
        }, cancellationToken);
    }

    /// <summary>UID COPY: copies messages to <paramref name="destination"/>; returns the COPYUID mapping where UIDPLUS is offered.</summary>
    public Task<ImapCopyResult?> CopyAsync(UidSet uids, string destination, CancellationToken cancellationToken = default)
    {
        CheckTransfer(uids, destination);
        return RunAsync("UID COPY", _options.CommandTimeout, token => CopyCoreAsync("UID COPY", uids, destination, token), cancellationToken);
    }

    /// <summary>
    /// UID MOVE (RFC 6851): moves messages to <paramref name="destination"/> atomically and returns the COPYUID
    /// mapping (null from a server without UIDPLUS). Without MOVE it falls back to UID COPY, UID STORE
    /// +FLAGS.SILENT (\Deleted) and UID EXPUNGE of just those UIDs (RFC 6851 section 3.3), which needs UIDPLUS
    /// so that nobody else's \Deleted messages are expunged; it is refused without either.
    /// </summary>
    public Task<ImapCopyResult?> MoveAsync(UidSet uids, string destination, CancellationToken cancellationToken = default)
    {
        CheckTransfer(uids, destination);
        return RunAsync("UID MOVE", _options.CommandTimeout, async token =>
        {
            if (Capabilities.Contains("MOVE")) return await CopyCoreAsync("UID MOVE", uids, destination, token).ConfigureAwait(false);
            RequireSelected("UID MOVE");
            RequireCapability("UIDPLUS", "UID MOVE without MOVE");
            var copied = await CopyCoreAsync("UID COPY", uids, destination, token).ConfigureAwait(false);
            await StoreCoreAsync(uids, ImapFlagChange.Add, DeletedFlag, null, silent: true, token).ConfigureAwait(false);
            await UidExpungeCoreAsync(uids, token).ConfigureAwait(false);
            return copied;
        }, cancellationToken);
    }

    private static void CheckTransfer(UidSet uids, string destination)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(destination);
        if (uids.IsEmpty) throw new ArgumentException("IMAP cannot express an empty UID set.", nameof(uids));
    }

    private async Task<ImapCopyResult?> CopyCoreAsync(string verb, UidSet uids, string destination, CancellationToken cancellationToken)
    {
        RequireSelected(verb);
        ImapCopyResult? result = null;
        var command = Command(verb).Atom(uids.ToString()).String(ModifiedUtf7.Encode(destination)).Build();

        // MOVE reports COPYUID in an untagged OK before its expunges (RFC 6851 section 4.3), COPY in the tagged OK.
        var completion = await RunCommandAsync(command, response =>
        {
            if (response is not { Status: ImapResponseStatus.Ok, Code.Name: "COPYUID" }) return false;
            result = ParseCopyUid(response.Code);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return completion.Code is { Name: "COPYUID" } code ? ParseCopyUid(code) : result;
    }

    /// <summary>Reads <c>COPYUID uidvalidity source-uids destination-uids</c>, pairing the UIDs in the order listed (RFC 4315 section 3).</summary>
    private static ImapCopyResult ParseCopyUid(ImapResponseCode code)
    {
        var words = ImapData.CodeWords(code.Arguments);
        if (words.Length != 3) throw ImapData.Malformed($"COPYUID should have three arguments but is {code}");
        try
        {
            var sources = UidSet.ExpandInOrder(words[1]);
            var targets = UidSet.ExpandInOrder(words[2]);
            if (sources.Count != targets.Count) throw ImapData.Malformed($"COPYUID pairs {sources.Count} source UIDs with {targets.Count}: {code}");
            var map = new Dictionary<uint, uint>(sources.Count);
            for (var i = 0; i < sources.Count; i++) map[sources[i]] = targets[i];
            return new ImapCopyResult(ImapData.ParseNumber32(words[0], "the COPYUID validity"), map);
        }
        catch (FormatException e)
        {
            throw new ImapProtocolException($"Malformed IMAP response: COPYUID {code.Arguments}.", e);
        }
    }
}
