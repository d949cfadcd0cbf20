using System.Text;
using Eas.Mail.LocalDovecot;

namespace Eas.Mail.LocalPostfix;

/// <summary>
/// The addresses the private Postfix accepts mail for, each with the Dovecot user it is delivered to, rendered
/// as two texthash tables (postconf(5): read whole at process start, so Postfix must reload after a change):
/// virtual_mailbox_maps lists every address, which is what <c>reject_unlisted_recipient</c> checks at RCPT
/// time; virtual_alias_maps rewrites an address to the LMTP recipient that Dovecot resolves to its user, when
/// that is not the address itself (<c>alice@example.com</c> to <c>alice@bare-user.invalid</c> for the user
/// <c>alice</c>, see <see cref="DovecotInstance.LmtpBareUserDomain"/>). The domains of all of them are the
/// virtual mailbox domains, delivered over LMTP. Thread-safe.
/// </summary>
internal sealed class PostfixMailboxes
{
    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);

    /// <summary>Adds or re-points an address; both are lower-cased. Returns false when nothing changed.</summary>
    public bool Set(string address, string dovecotUser)
    {
        var key = NormalizeAddress(address);
        var user = NormalizeUser(dovecotUser);
        lock (_users)
        {
            if (_users.TryGetValue(key, out var existing) && existing == user) return false;
            _users[key] = user;
            return true;
        }
    }

    /// <summary>The virtual mailbox domains: those of the addresses and of their LMTP recipients.</summary>
    public IReadOnlyList<string> Domains()
    {
        lock (_users)
        {
            return [.. _users.Keys.Concat(_users.Select(pair => LmtpRecipient(pair.Value)))
                .Select(address => address[(address.IndexOf('@') + 1)..])
                .Append(DovecotInstance.LmtpBareUserDomain)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>virtual_mailbox_maps: <c>address dovecot-user</c> per line (only the key matters to Postfix).</summary>
    public string RenderMailboxes()
    {
        lock (_users) return Render(_users.Select(pair => (pair.Key, pair.Value)));
    }

    /// <summary>virtual_alias_maps: <c>address lmtp-recipient</c> for each address that is not itself the recipient.</summary>
    public string RenderAliases()
    {
        lock (_users)
        {
            return Render(_users
                .Select(pair => (pair.Key, LmtpRecipient(pair.Value)))
                .Where(pair => pair.Key != pair.Item2));
        }
    }

    /// <summary>How Dovecot's LMTP finds the user: by the whole address, or in the bare-user domain by its local part.</summary>
    private static string LmtpRecipient(string dovecotUser) =>
        dovecotUser.Contains('@') ? dovecotUser : $"{dovecotUser}@{DovecotInstance.LmtpBareUserDomain}";

    private static string Render(IEnumerable<(string Key, string Value)> entries)
    {
        var text = new StringBuilder("# Written by Eas.Mail.LocalPostfix.PostfixInstance; rewritten at each change.\n");
        foreach (var (key, value) in entries.OrderBy(entry => entry.Key, StringComparer.Ordinal)) text.Append(key).Append(' ').Append(value).Append('\n');
        return text.ToString();
    }

    /// <summary>A plain ASCII <c>local@domain</c>: what the tables can hold without quoting.</summary>
    private static string NormalizeAddress(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1
            || !address[..at].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+')
            || !address[(at + 1)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            throw new ArgumentException($"'{address}' is not an address of the form local@domain in ASCII letters, digits, '.', '-', '_' and '+'.", nameof(address));
        return address.ToLowerInvariant();
    }

    /// <summary>A Dovecot user name as <see cref="DovecotInstance.AddUser"/> accepts it, with at most one '@'.</summary>
    private static string NormalizeUser(string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        if (!user.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@') || user.Count(c => c == '@') > 1
            || user.StartsWith('@') || user.EndsWith('@'))
            throw new ArgumentException($"'{user}' is not a Dovecot user name (ASCII letters, digits, '.', '-', '_' and at most one inner '@').", nameof(user));
        return user.ToLowerInvariant();
    }
}
