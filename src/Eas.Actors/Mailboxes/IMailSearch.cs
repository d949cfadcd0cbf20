namespace Eas.Actors.Mailboxes;

/// <summary>
/// Mailbox search over the account's IMAP command session (MS-ASCMD 2.2.1.16 Store Mailbox): a session that can
/// search implements this beside <see cref="IMailSession"/>, so test doubles of the session need not.
/// </summary>
public interface IMailSearch
{
    /// <summary>
    /// The messages of <paramref name="folder"/> that match <paramref name="query"/> (IMAP UID SEARCH, RFC 3501 6.4.4),
    /// with their received time (INTERNALDATE); the exact time bounds are applied here, after the day-granular SINCE
    /// and BEFORE of IMAP.
    /// </summary>
    Task<IReadOnlyList<(uint Uid, DateTimeOffset Received)>> SearchAsync(string folder, MailSearchQuery query, CancellationToken cancellationToken);
}

/// <param name="Words">Each must appear in the message's header or body (IMAP TEXT), ignoring case.</param>
/// <param name="ReceivedAfter">Received strictly after this time (email:DateReceived GreaterThan).</param>
/// <param name="ReceivedBefore">Received strictly before this time (email:DateReceived LessThan).</param>
public sealed record MailSearchQuery(IReadOnlyList<string> Words, DateTimeOffset? ReceivedAfter, DateTimeOffset? ReceivedBefore);
