namespace Eas.Mail.Mime.Writing;

/// <summary>
/// Builds the message a SmartReply (MS-ASCMD 2.2.1.20) or SmartForward (2.2.1.19) sends: the phone sends only
/// its new message and names the original, and the server adds the original from its own copy, which saves the
/// phone downloading and uploading it.
/// <list type="bullet">
/// <item>With ReplaceMime (2.2.3.148) the phone's message already is the whole message; the server must not add
/// the original's body or attachments, and adds only the threading fields (so the original's header alone, an
/// IMAP BODY.PEEK[HEADER], is enough then).</item>
/// <item>Without it the original's text is appended below the phone's (<see cref="OriginalQuote"/>), and a
/// forward also carries the original's attachments: every part that is not body text, inline images with
/// their Content-ID included, with their header fields and encoded bodies copied as they are, except those the
/// phone's message already carries. With anything to attach the result is multipart/mixed { the phone's body
/// with the original appended, the phone's attachments, the original's attachments }; without, it keeps the
/// phone's structure.</item>
/// <item>An original that cannot be quoted (beyond a <see cref="MimeLimits"/> bound, or with more text than
/// <see cref="SmartComposeOptions.MaxQuotedTextBytes"/>) is attached whole as message/rfc822 instead, so
/// composing never fails because of the original.</item>
/// </list>
/// Threading (RFC 5322 section 3.6.4): a reply gets In-Reply-To (the original's Message-ID) and References (the
/// original's References, or its single In-Reply-To, followed by its Message-ID). A forward gets the same
/// References, so it joins the original's thread; the section only defines the field for replies, but says it
/// "may be used to identify a thread", and Thunderbird (which adds In-Reply-To as well) and Gmail also put
/// forwards in the original's thread, as reported in neomutt issue #4257 and pull request #252. Whether Outlook
/// or Exchange do was not verified. A threading field the phone wrote itself is kept and not added.
/// <para>
/// The original is read from a seekable stream (an IMAP fetch into a file or memory) that must stay open and
/// unchanged until the result has been written: the attachments are copied from it then, never held in memory.
/// </para>
/// </summary>
public static class SmartComposer
{
    /// <summary>The message a SmartReply sends, from the phone's <paramref name="reply"/> and the <paramref name="original"/>.</summary>
    public static Task<OutgoingMessage> ReplyAsync(
        OutgoingMessage reply, Stream original, SmartComposeOptions? options = null, CancellationToken cancellationToken = default) =>
        ComposeAsync(reply, original, options ?? SmartComposeOptions.Default, forward: false, cancellationToken);

    /// <summary>The message a SmartForward sends, from the phone's <paramref name="forward"/> and the <paramref name="original"/>.</summary>
    public static Task<OutgoingMessage> ForwardAsync(
        OutgoingMessage forward, Stream original, SmartComposeOptions? options = null, CancellationToken cancellationToken = default) =>
        ComposeAsync(forward, original, options ?? SmartComposeOptions.Default, forward: true, cancellationToken);

    private static async Task<OutgoingMessage> ComposeAsync(
        OutgoingMessage message, Stream original, SmartComposeOptions options, bool forward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(original);
        var submitted = message.Submitted;
        var parent = await OriginalMessage.ReadAsync(new StreamSource(original), options, !options.ReplaceMime, cancellationToken).ConfigureAwait(false);

        var added = new List<string>(submitted.AddedFields);
        var inReplyTo = Thread(submitted, "In-Reply-To", forward ? [] : ThreadingHeaders.InReplyTo(parent.Envelope), added);
        var references = Thread(submitted, "References", ThreadingHeaders.References(parent.Envelope), added);

        var top = submitted.Structure.Body;
        var body = options.ReplaceMime
            ? new CopiedEntity(submitted.MessageFields, new CopiedRange(submitted.Source, top.BodyOffset, submitted.Source.Length - top.BodyOffset))
            : await ComposeBodyAsync(submitted, parent, options, forward, cancellationToken).ConfigureAwait(false);
        var plan = await MessagePlan.CreateAsync(body, added, cancellationToken).ConfigureAwait(false);
        return message.Recompose(plan, inReplyTo, references);
    }

    /// <summary>The ids a threading field carries: the phone's own field if it wrote one, else <paramref name="ids"/>, added.</summary>
    private static IReadOnlyList<string> Thread(SubmittedMessage submitted, string name, IReadOnlyList<string> ids, List<string> added)
    {
        if (submitted.Structure.Headers.Contains(name)) return name == "References" ? submitted.Envelope.References : submitted.Envelope.InReplyTo;
        if (ThreadingHeaders.Field(name, ids) is { } field) added.Add(field);
        return ids;
    }

    private static async Task<MimeEntity> ComposeBodyAsync(
        SubmittedMessage submitted, OriginalMessage parent, SmartComposeOptions options, bool forward, CancellationToken cancellationToken)
    {
        var number = 0;
        var top = submitted.Structure.Body;
        var messageFields = submitted.MessageFields.Where(f => !MimeEntity.IsContentField(f)).ToList();
        var contentFields = submitted.MessageFields.Where(MimeEntity.IsContentField).ToList();
        var extras = new List<MimeEntity>();
        MimeEntity? phoneBody = null;
        if (parent.Summary is { } summary)
        {
            var quote = OriginalQuote.Create(summary);
            var rewriter = new BodyRewriter(submitted.Source, quote, () => ++number);
            if (forward && options.IncludeOriginalAttachments)
                extras.AddRange(await ForwardedAttachments.SelectAsync(submitted.Source, parent, cancellationToken).ConfigureAwait(false));
            if (extras.Count == 0 && await rewriter.RewriteAsync(top, submitted.MessageFields, cancellationToken).ConfigureAwait(false) is { } whole)
                return whole;
            phoneBody = await rewriter.RewriteAsync(top, contentFields, cancellationToken).ConfigureAwait(false);
            if (phoneBody is null) extras.Insert(0, new TextEntity([], "plain", quote.PlainOnly()));
        }
        else
        {
            extras.Add(await parent.AsAttachedMessageAsync(cancellationToken).ConfigureAwait(false));
        }

        // The phone's own multipart/mixed is merged into the new one, so its attachments sit beside the original's.
        List<MimeEntity> parts = top.Kind == MimePartKind.Multipart && top.ContentType.MediaSubtype == "mixed"
            ? phoneBody is { } mixed ? [.. mixed.Children] : [.. top.Children.Select(c => CopiedEntity.Of(c, submitted.Source))]
            : [phoneBody ?? new CopiedEntity(contentFields, new CopiedRange(submitted.Source, top.BodyOffset, submitted.Source.Length - top.BodyOffset))];
        return new MultipartEntity(messageFields, ContentType.Parse("multipart/mixed"), [.. parts, .. extras], ++number);
    }
}
