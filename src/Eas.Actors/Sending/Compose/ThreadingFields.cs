using MimeKit;

namespace Eas.Actors.Sending.Compose;

/// <summary>
/// The identification fields of a reply (RFC 5322 section 3.6.4), computed from the parent's header, and set on
/// the new message unless the phone wrote them itself.
/// </summary>
internal static class ThreadingFields
{
    /// <summary>
    /// Most ids written into References. The section sets no limit, but a long thread would grow the field without
    /// end; like mail clients, the first id (the thread's root) and the most recent ones are kept.
    /// </summary>
    public const int MaxReferences = 50;

    /// <summary>
    /// In-Reply-To (a reply only): the parent's Message-ID. References: the parent's References followed by its
    /// Message-ID; when the parent has no References but an In-Reply-To with a single id, that id followed by its
    /// Message-ID. A forward gets the same References so it joins the parent's thread (Thunderbird and Gmail do too).
    /// </summary>
    public static void Apply(MimeMessage message, HeaderList parent, bool reply)
    {
        var parentId = Ids(parent[HeaderId.MessageId]).FirstOrDefault();
        if (reply && parentId is not null && !message.Headers.Contains(HeaderId.InReplyTo)) message.InReplyTo = parentId;
        if (message.Headers.Contains(HeaderId.References)) return;
        var references = Ids(parent[HeaderId.References]);
        var inReplyTo = Ids(parent[HeaderId.InReplyTo]);
        var chain = references.Count > 0 ? references : inReplyTo.Count == 1 ? inReplyTo : [];
        List<string> ids = parentId is null ? [.. chain] : [.. chain, parentId];
        if (ids.Count > MaxReferences) ids = [ids[0], .. ids.Skip(ids.Count - (MaxReferences - 1))];
        foreach (var id in ids) message.References.Add(id);
    }

    private static List<string> Ids(string? value) =>
        value is null ? [] : MimeKit.Utils.MimeUtils.EnumerateReferences(value).Where(id => id.Length > 0).ToList();
}
