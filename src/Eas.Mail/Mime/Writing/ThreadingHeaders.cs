namespace Eas.Mail.Mime.Writing;

/// <summary>
/// The identification fields of a reply (RFC 5322 section 3.6.4), computed from the parent's header.
/// </summary>
internal static class ThreadingHeaders
{
    /// <summary>
    /// Most ids written into References. The section sets no limit, but a long thread would grow the field
    /// without end; like mail clients, the first id (the thread's root) and the most recent ones are kept.
    /// </summary>
    public const int MaxReferences = 50;

    /// <summary>In-Reply-To: the parent's Message-ID, or nothing when it has none.</summary>
    public static IReadOnlyList<string> InReplyTo(MessageEnvelope parent) => parent.MessageId is { } id ? [id] : [];

    /// <summary>
    /// References, as section 3.6.4 builds it: the parent's References followed by its Message-ID; when the
    /// parent has no References but an In-Reply-To with a single id, that id followed by its Message-ID; when it
    /// has none of the three, nothing.
    /// </summary>
    public static IReadOnlyList<string> References(MessageEnvelope parent)
    {
        var chain = parent.References.Count > 0 ? parent.References : parent.InReplyTo.Count == 1 ? parent.InReplyTo : [];
        var ids = parent.MessageId is { } id ? [.. chain, id] : chain.ToList();
        return ids.Count <= MaxReferences ? ids : [ids[0], .. ids.Skip(ids.Count - (MaxReferences - 1))];
    }

    /// <summary>A msg-id list field, or null when there are no ids.</summary>
    public static string? Field(string name, IReadOnlyList<string> ids) =>
        ids.Count == 0 ? null : HeaderText.Field(name, string.Join(' ', ids.Select(MessageIds.Format)));
}
