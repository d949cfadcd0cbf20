namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// Where a literal stands in the response being read, handed to the literal-streaming hook of
/// <see cref="ImapResponseReader.ReadAsync(Func{ImapLiteralContext, Stream?}, CancellationToken)"/> so that it can
/// decide whether to take the literal's octets as a stream instead of having them materialised.
/// </summary>
/// <param name="ResponseName">The upper-cased data name, e.g. <c>FETCH</c>.</param>
/// <param name="Number">The message number before the name (<c>* 12 FETCH</c>), if any.</param>
/// <param name="Preceding">
/// The values already read in the innermost open list, in order; for <c>* 1 FETCH (UID 5 BODY[1]&lt;0&gt; {n}</c>
/// they are the atom <c>UID</c>, the atom <c>5</c>, the atom <c>BODY</c>, the section <c>[1]</c> and the atom
/// <c>&lt;0&gt;</c>. Only valid during the call.
/// </param>
/// <param name="Depth">How many lists are open: 1 directly inside the FETCH parentheses.</param>
/// <param name="Length">The announced length of the literal in octets.</param>
public readonly record struct ImapLiteralContext(
    string ResponseName, ulong? Number, IReadOnlyList<ImapValue> Preceding, int Depth, long Length);
