using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// Reads an address-list (RFC 5322 section 3.4) from tokens: name-addr and addr-spec mailboxes, groups, the
/// obsolete forms of section 4.4 (routes in angle brackets, empty list elements), and what mailers get wrong:
/// ";" as a separator, a name in a trailing comment ("a@x (Ann)"), a name before a bare address without angle
/// brackets, an unclosed angle bracket.
/// </summary>
internal static class AddressListParser
{
    public static List<MailAddress> Parse(string value)
    {
        var result = new List<MailAddress>();
        var chunk = new List<AddressToken>();
        string? group = null;
        var angle = AngleState.Outside;
        var chunkHasAt = false;
        foreach (var token in AddressTokenizer.Tokenize(value))
        {
            angle = token.IsSpecial('<') ? AngleState.Opened
                : token.IsSpecial('>') ? AngleState.Outside
                : angle == AngleState.Opened ? (token.IsSpecial('@') ? AngleState.Route : AngleState.Address)
                : angle == AngleState.Address && token.IsSpecial('@') ? AngleState.AddressWithAt
                : angle;
            // A "," after a whole address inside an unclosed "<" ends it; in a route ("<@a,@b:u@h>") it does not.
            if (angle == AngleState.AddressWithAt && token.IsSpecial(',')) angle = AngleState.Outside;
            if (angle != AngleState.Outside || token.Kind != AddressTokenKind.Special || token.Text[0] is '<' or '>' or '@')
            {
                chunkHasAt |= token.IsSpecial('@');
                chunk.Add(token);
                continue;
            }

            if (token.IsSpecial(':') && group is null && !chunkHasAt)
            {
                group = Phrase(chunk, 0, chunk.Count);
                chunk.Clear();
                continue;
            }

            Emit(chunk, group, result);
            chunk.Clear();
            chunkHasAt = false;
            if (token.IsSpecial(';')) group = null;
        }

        Emit(chunk, group, result);
        return result;
    }

    /// <summary>Where the parser is relative to angle brackets.</summary>
    private enum AngleState
    {
        Outside,
        Opened,
        Route,
        Address,
        AddressWithAt,
    }

    private static void Emit(List<AddressToken> chunk, string? group, List<MailAddress> result)
    {
        if (!chunk.Any(t => t.Kind != AddressTokenKind.Comment)) return;
        var open = chunk.FindIndex(t => t.IsSpecial('<'));
        var mailbox = open >= 0 ? NameAddr(chunk, open) : AddrSpec(chunk);
        if (mailbox.Name.Length == 0 && mailbox.Address.Length == 0) return;
        result.Add(mailbox with { Group = group });
    }

    private static MailAddress NameAddr(List<AddressToken> chunk, int open)
    {
        var close = chunk.FindIndex(open, t => t.IsSpecial('>'));
        if (close < 0) close = chunk.Count;
        var start = open + 1;
        // obs-route (RFC 5322 section 4.4): "<@relay1,@relay2:user@host>".
        var routeEnd = chunk.FindIndex(start, close - start, t => t.IsSpecial(':'));
        if (routeEnd >= 0 && chunk[start].IsSpecial('@')) start = routeEnd + 1;
        var address = Join(chunk, start, close);
        var name = Phrase(chunk, 0, open);
        if (name.Length == 0) name = LastComment(chunk);
        return new MailAddress(name, address);
    }

    private static MailAddress AddrSpec(List<AddressToken> chunk)
    {
        var words = chunk.Where(t => t.Kind != AddressTokenKind.Comment).ToList();
        var at = words.FindIndex(t => t.IsSpecial('@'));
        if (at < 0)
        {
            var single = words.Count == 1 && words[0].Kind == AddressTokenKind.Atom;
            return single ? new MailAddress(LastComment(chunk), words[0].Text) : new MailAddress(Phrase(words, 0, words.Count), string.Empty);
        }

        // "Ann Smith ann@example.com": words set off by blanks before the local part are a display name.
        var localStart = at;
        while (localStart > 0 && !words[localStart].SpaceBefore) localStart--;
        if (localStart == at && localStart > 0) localStart--;
        var domainEnd = at + 1;
        while (domainEnd < words.Count && (domainEnd == at + 1 || !words[domainEnd].SpaceBefore)) domainEnd++;
        var name = Phrase(words, 0, localStart);
        if (name.Length == 0) name = LastComment(chunk);
        return new MailAddress(name, Join(words, localStart, domainEnd));
    }

    /// <summary>The words in [start, end) as a display name: joined as written, encoded-words decoded, comments dropped.</summary>
    private static string Phrase(List<AddressToken> tokens, int start, int end)
    {
        var text = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == AddressTokenKind.Comment) continue;
            if (text.Length > 0 && (token.SpaceBefore || tokens[i - 1].Kind == AddressTokenKind.Comment)) text.Append(' ');
            text.Append(token.Text);
        }

        return EncodedWords.DecodeText(text.ToString()).Trim();
    }

    /// <summary>The tokens in [start, end) joined without blanks; a quoted local part stays quoted unless it is a plain dot-atom.</summary>
    private static string Join(List<AddressToken> tokens, int start, int end)
    {
        var text = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == AddressTokenKind.Comment) continue;
            if (token.Kind != AddressTokenKind.Quoted || IsDotAtom(token.Text)) text.Append(token.Text);
            else text.Append('"').Append(token.Text.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
        }

        return text.ToString();
    }

    private static bool IsDotAtom(string text) =>
        text.Length > 0 && text.All(AddressTokenizer.IsAtomChar) && !text.StartsWith('.') && !text.EndsWith('.') && !text.Contains("..", StringComparison.Ordinal);

    private static string LastComment(List<AddressToken> chunk)
    {
        var comment = chunk.LastOrDefault(t => t.Kind == AddressTokenKind.Comment);
        return comment.Text is null ? string.Empty : EncodedWords.DecodeText(comment.Text).Trim();
    }
}
