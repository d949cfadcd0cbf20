using System.Globalization;
using System.Text.RegularExpressions;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// Streaming one body section of one message (RFC 3501 section 6.4.5 <c>BODY.PEEK[section]&lt;o.l&gt;</c>, RFC 3516
/// <c>BINARY.PEEK</c>) straight from the connection into a caller's stream, so that a large message or
/// attachment is never held in memory.
/// </summary>
public sealed partial class ImapClient
{
    private Func<ImapLiteralContext, Stream?>? _literalTarget;

    /// <summary>
    /// Writes the content of <paramref name="section"/> of message <paramref name="uid"/> to
    /// <paramref name="destination"/> as it arrives, in chunks of at most 64 KiB, and returns what was written,
    /// or <see langword="null"/> when the message does not exist. The section is RFC 3501's: <c>""</c> for the
    /// whole message, <c>HEADER</c>, <c>TEXT</c>, <c>1.2</c>, <c>2.MIME</c>. <paramref name="partial"/> limits
    /// it to a range of octets (beyond the end the result is empty). With <paramref name="useBinary"/> and a
    /// server offering BINARY, the server removes the Content-Transfer-Encoding (only part numbers are
    /// valid sections then); a part in an encoding the server does not know fails with
    /// <c>[UNKNOWN-CTE]</c> (RFC 3516 section 4.1). The message's \Seen flag is left alone (PEEK).
    /// </summary>
    /// <remarks>
    /// The whole transfer must fit in <see cref="ImapClientOptions.CommandTimeout"/>. If the destination throws,
    /// the connection is dropped, since the rest of the literal can no longer be skipped.
    /// </remarks>
    public Task<ImapSectionResult?> FetchSectionAsync(
        uint uid, string section, (long Offset, long Length)? partial, bool useBinary, Stream destination,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(uid);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(destination);
        if (partial is { } range && (range.Offset < 0 || range.Length <= 0))
            throw new ArgumentOutOfRangeException(nameof(partial), "A partial fetch needs a non-negative offset and a positive length.");
        return RunAsync("UID FETCH", _options.CommandTimeout, async token =>
        {
            RequireSelected("UID FETCH");
            var binary = useBinary && Capabilities.Contains("BINARY");
            if (!(binary ? BinarySection() : BodySection()).IsMatch(section))
                throw new ArgumentException($"\"{section}\" is not a valid {(binary ? "BINARY" : "BODY")} section.", nameof(section));

            var items = $"{(binary ? "BINARY" : "BODY")}.PEEK[{section}]";
            if (partial is { } window) items += string.Create(CultureInfo.InvariantCulture, $"<{window.Offset}.{window.Length}>");
            var sizeItem = partial is null ? null : binary ? $"BINARY.SIZE[{section}]" : section.Length == 0 ? "RFC822.SIZE" : null;
            var command = Command("UID FETCH").Number(uid).Raw($"(UID {items}{(sizeItem is null ? "" : " " + sizeItem)})").Build();

            var outcome = new SectionOutcome(uid, binary);
            _literalTarget = context => outcome.TakesLiteral(context) ? destination : null;
            ImapResponse completion;
            try
            {
                completion = await ExecuteCoreAsync(command, response =>
                {
                    if (!outcome.Accept(response)) RecordMailboxEvent(response);
                }, null, token).ConfigureAwait(false);
            }
            catch
            {
                // Mid-literal nothing can be resumed: whatever failed, the connection's position is unknown.
                await AbortAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                _literalTarget = null;
            }

            ThrowIfNotOk(command, completion);
            if (!outcome.Found) return null;
            if (outcome.InlineContent is { Length: > 0 } inline) await destination.WriteAsync(inline, token).ConfigureAwait(false);
            return new ImapSectionResult(outcome.Written, partial is null ? outcome.Written : outcome.TotalSize, binary);
        }, cancellationToken);
    }

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)*)?$")]
    private static partial Regex BinarySection();

    [GeneratedRegex(@"^(?:(?:[0-9]+\.)*[0-9]+(?:\.(?:MIME|HEADER|TEXT|HEADER\.FIELDS(?:\.NOT)? \([A-Za-z0-9_.\- ]+\)))?|(?:HEADER|TEXT|HEADER\.FIELDS(?:\.NOT)? \([A-Za-z0-9_.\- ]+\)))?$", RegexOptions.IgnoreCase)]
    private static partial Regex BodySection();

    /// <summary>Watches the responses of one section fetch.</summary>
    private sealed class SectionOutcome(uint uid, bool binary)
    {
        private bool _streamed;

        public bool Found { get; private set; }

        public long Written { get; private set; }

        public long? TotalSize { get; private set; }

        /// <summary>A section the server sent as a quoted string or NIL rather than a literal.</summary>
        public ReadOnlyMemory<byte>? InlineContent { get; private set; }

        /// <summary>Whether a literal is the value of the section item: <c>BODY[...]</c> or <c>BINARY[...]</c>, maybe with an origin.</summary>
        public bool TakesLiteral(ImapLiteralContext context)
        {
            if (_streamed || context.ResponseName != "FETCH" || context.Depth != 1) return false;
            var items = context.Preceding;
            var end = items.Count;
            if (end > 0 && items[end - 1] is ImapAtom { Value: ['<', .., '>'] }) end--;
            if (end < 2 || items[end - 1] is not ImapList { IsSection: true }) return false;
            _streamed = ImapData.IsAtom(items[end - 2], binary ? "BINARY" : "BODY");
            return _streamed;
        }

        public bool Accept(ImapResponse response)
        {
            if (response.Name != "FETCH") return false;
            var items = FetchResponseParser.Items(response);
            var responseUid = items.FirstOrDefault(item => item.Name == "UID").Value;
            if (responseUid is null || ImapData.Number32(responseUid, "UID") != uid) return false;
            var relevant = false;
            foreach (var item in items)
            {
                switch (item.Name)
                {
                    case "BODY" or "BINARY" when item.Section is not null:
                        Found = relevant = true;
                        if (item.Value is ImapStreamedLiteral streamed)
                        {
                            Written += streamed.Length;
                        }
                        else
                        {
                            InlineContent = FetchResponseParser.Octets(item.Value);
                            Written += InlineContent.Value.Length;
                        }

                        break;
                    case "BINARY.SIZE" or "RFC822.SIZE":
                        TotalSize = (long)Math.Min(ImapData.Number(item.Value, item.Name), long.MaxValue);
                        relevant = true;
                        break;
                }
            }

            // A FETCH about this message without the section (a flag change) is an unsolicited event.
            return relevant;
        }
    }
}
