using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Watching;

/// <summary>Which mailboxes an event group of NOTIFY covers (RFC 5465 section 6, <c>filter-mailboxes</c>).</summary>
public enum ImapNotifyFilter
{
    /// <summary>
    /// The selected mailbox; its changes come as EXISTS, EXPUNGE (or VANISHED) and FETCH (section 6.1). Without
    /// a group for it, Dovecot reports nothing about the selected mailbox while NOTIFY is set.
    /// </summary>
    Selected,

    /// <summary>The selected mailbox, with expunges held back until a command allows them (section 6.2).</summary>
    SelectedDelayed,

    /// <summary>Every mailbox that receives mail, INBOX at least (section 6.3).</summary>
    Inboxes,

    /// <summary>Every mailbox of the user's personal namespaces (section 6.4).</summary>
    Personal,

    /// <summary>Every subscribed mailbox (section 6.5).</summary>
    Subscribed,

    /// <summary>The named mailboxes and all mailboxes below them (section 6.6).</summary>
    Subtree,

    /// <summary>Exactly the named mailboxes (section 6.7).</summary>
    Mailboxes,
}

/// <summary>The events of NOTIFY (RFC 5465 section 5).</summary>
[Flags]
public enum ImapNotifyEvents
{
    /// <summary>No events: the group silences its mailboxes (<c>NONE</c>).</summary>
    None = 0,

    /// <summary>A message arrived (section 5.2); requires <see cref="MessageExpunge"/> too.</summary>
    MessageNew = 1 << 0,

    /// <summary>A message was expunged (section 5.3); requires <see cref="MessageNew"/> too.</summary>
    MessageExpunge = 1 << 1,

    /// <summary>Flags changed (section 5.4); requires <see cref="MessageNew"/> and <see cref="MessageExpunge"/>.</summary>
    FlagChange = 1 << 2,

    /// <summary>Annotations changed (section 5.5); requires <see cref="MessageNew"/> and <see cref="MessageExpunge"/>.</summary>
    AnnotationChange = 1 << 3,

    /// <summary>A mailbox was created, deleted or renamed (section 5.4).</summary>
    MailboxName = 1 << 4,

    /// <summary>A subscription changed (section 5.5).</summary>
    SubscriptionChange = 1 << 5,

    /// <summary>Mailbox metadata changed (RFC 5464; section 5.6); Dovecot 2.3 answers NO [BADEVENT].</summary>
    MailboxMetadataChange = 1 << 6,

    /// <summary>Server metadata changed (RFC 5464; section 5.7); Dovecot 2.3 answers NO [BADEVENT].</summary>
    ServerMetadataChange = 1 << 7,

    /// <summary>New, expunged and re-flagged messages: what a push watcher needs per mailbox.</summary>
    MessageChanges = MessageNew | MessageExpunge | FlagChange,
}

/// <summary>
/// One event group of NOTIFY SET: a mailbox filter and the events wanted for it (RFC 5465 section 3). The
/// constructor enforces the client's MUSTs of RFC 5465 section 5, which servers (Dovecot among them) answer
/// with BAD.
/// </summary>
public sealed record ImapNotifyGroup
{
    /// <param name="filter">Which mailboxes.</param>
    /// <param name="events">Which events; <see cref="ImapNotifyEvents.None"/> silences the mailboxes.</param>
    /// <param name="mailboxes">The (decoded) names for <see cref="ImapNotifyFilter.Subtree"/> and <see cref="ImapNotifyFilter.Mailboxes"/>.</param>
    /// <param name="messageNewFetch">
    /// For the selected filters only: FETCH attributes the server sends with each new message (<c>UID</c>,
    /// <c>FLAGS</c>...), reported as <see cref="Mailboxes.ImapMessageChanged"/>.
    /// </param>
    public ImapNotifyGroup(
        ImapNotifyFilter filter, ImapNotifyEvents events, IEnumerable<string>? mailboxes = null, IEnumerable<string>? messageNewFetch = null)
    {
        Filter = filter;
        Events = events;
        Mailboxes = mailboxes?.ToArray() ?? [];
        MessageNewFetch = messageNewFetch?.ToArray() ?? [];
        Validate();
    }

    public ImapNotifyFilter Filter { get; }

    public ImapNotifyEvents Events { get; }

    public IReadOnlyList<string> Mailboxes { get; }

    public IReadOnlyList<string> MessageNewFetch { get; }

    /// <summary>Whether the group is about the selected mailbox.</summary>
    public bool IsSelected => Filter is ImapNotifyFilter.Selected or ImapNotifyFilter.SelectedDelayed;

    internal void AppendTo(ImapCommandBuilder builder)
    {
        builder.BeginList().Atom(FilterName(Filter));
        if (Filter is ImapNotifyFilter.Subtree or ImapNotifyFilter.Mailboxes)
        {
            builder.BeginList();
            foreach (var mailbox in Mailboxes) builder.String(ModifiedUtf7.Encode(mailbox));
            builder.EndList();
        }

        if (Events == ImapNotifyEvents.None)
        {
            builder.Atom("NONE");
        }
        else
        {
            builder.BeginList();
            foreach (var (flag, name) in EventNames)
            {
                if (!Events.HasFlag(flag)) continue;
                builder.Atom(name);
                if (flag == ImapNotifyEvents.MessageNew && MessageNewFetch.Count > 0)
                {
                    builder.BeginList();
                    foreach (var attribute in MessageNewFetch) builder.Atom(attribute);
                    builder.EndList();
                }
            }

            builder.EndList();
        }

        builder.EndList();
    }

    private static readonly (ImapNotifyEvents Flag, string Name)[] EventNames =
    [
        (ImapNotifyEvents.MessageNew, "MessageNew"),
        (ImapNotifyEvents.MessageExpunge, "MessageExpunge"),
        (ImapNotifyEvents.FlagChange, "FlagChange"),
        (ImapNotifyEvents.AnnotationChange, "AnnotationChange"),
        (ImapNotifyEvents.MailboxName, "MailboxName"),
        (ImapNotifyEvents.SubscriptionChange, "SubscriptionChange"),
        (ImapNotifyEvents.MailboxMetadataChange, "MailboxMetadataChange"),
        (ImapNotifyEvents.ServerMetadataChange, "ServerMetadataChange"),
    ];

    private static string FilterName(ImapNotifyFilter filter) => filter switch
    {
        ImapNotifyFilter.Selected => "selected",
        ImapNotifyFilter.SelectedDelayed => "selected-delayed",
        ImapNotifyFilter.Inboxes => "inboxes",
        ImapNotifyFilter.Personal => "personal",
        ImapNotifyFilter.Subscribed => "subscribed",
        ImapNotifyFilter.Subtree => "subtree",
        ImapNotifyFilter.Mailboxes => "mailboxes",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a NOTIFY mailbox filter."),
    };

    private void Validate()
    {
        FilterName(Filter);
        if (((int)Events & ~0xFF) != 0) throw new ArgumentOutOfRangeException(nameof(Events), Events, "Not NOTIFY events.");
        var named = Filter is ImapNotifyFilter.Subtree or ImapNotifyFilter.Mailboxes;
        if (named && Mailboxes.Count == 0) throw new ArgumentException($"The {FilterName(Filter)} filter needs at least one mailbox (RFC 5465 section 6).", "mailboxes");
        if (!named && Mailboxes.Count > 0) throw new ArgumentException($"The {FilterName(Filter)} filter takes no mailbox names.", "mailboxes");
        var newAndExpunge = Events & (ImapNotifyEvents.MessageNew | ImapNotifyEvents.MessageExpunge);
        if (newAndExpunge is ImapNotifyEvents.MessageNew or ImapNotifyEvents.MessageExpunge)
            throw new ArgumentException("MessageNew and MessageExpunge must be asked for together (RFC 5465 section 5).", "events");
        if ((Events & (ImapNotifyEvents.FlagChange | ImapNotifyEvents.AnnotationChange)) != 0 && newAndExpunge == ImapNotifyEvents.None)
            throw new ArgumentException("FlagChange and AnnotationChange need MessageNew and MessageExpunge too (RFC 5465 section 5).", "events");
        if (MessageNewFetch.Count > 0 && !(IsSelected && Events.HasFlag(ImapNotifyEvents.MessageNew)))
            throw new ArgumentException("FETCH attributes go with MessageNew for the selected mailbox only (RFC 5465 section 5.2).", "messageNewFetch");
        foreach (var attribute in MessageNewFetch)
        {
            if (attribute.Length == 0 || attribute.AsSpan().ContainsAnyExceptInRange('\x21', '\x7E') || attribute.AsSpan().ContainsAny("(){\""))
                throw new ArgumentException($"\"{attribute}\" is not a FETCH attribute atom.", "messageNewFetch");
        }
    }
}

/// <summary>
/// The argument of NOTIFY SET (RFC 5465 section 3): the STATUS indicator and the event groups, one filter at
/// most once, at most one of the selected filters. Build the usual case with <see cref="PersonalMailboxes"/>.
/// </summary>
public sealed record ImapNotifySpec
{
    /// <param name="groups">The event groups, in the order sent.</param>
    /// <param name="status">
    /// Send <c>STATUS</c>: the server first reports the status of every mailbox the groups cover (RFC 5465
    /// section 3), which <see cref="ImapClient.NotifySetAsync"/> returns as a baseline.
    /// </param>
    public ImapNotifySpec(IEnumerable<ImapNotifyGroup> groups, bool status = true)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = groups.ToArray();
        Status = status;
        if (Groups.Count == 0) throw new ArgumentException("NOTIFY SET needs at least one event group; use NOTIFY NONE to stop.", nameof(groups));
        if (Groups.Count(group => group.IsSelected) > 1)
            throw new ArgumentException("NOTIFY SET takes at most one of selected and selected-delayed.", nameof(groups));
        var simple = Groups.Where(group => group.Filter is not (ImapNotifyFilter.Subtree or ImapNotifyFilter.Mailboxes)).Select(group => group.Filter).ToArray();
        if (simple.Length != simple.Distinct().Count()) throw new ArgumentException("NOTIFY SET names each mailbox filter once.", nameof(groups));
    }

    public IReadOnlyList<ImapNotifyGroup> Groups { get; }

    public bool Status { get; }

    /// <summary>
    /// <c>NOTIFY SET STATUS (personal (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange))</c>:
    /// every personal mailbox's new, expunged and re-flagged messages as STATUS responses, and changes to the
    /// hierarchy and subscriptions as LIST responses. With <paramref name="includeSelected"/> the group
    /// <c>(selected (MessageNew MessageExpunge FlagChange))</c> comes first, so that the selected mailbox reports
    /// its changes as EXISTS, EXPUNGE and FETCH.
    /// </summary>
    public static ImapNotifySpec PersonalMailboxes(bool includeSelected = false)
    {
        var personal = new ImapNotifyGroup(ImapNotifyFilter.Personal, ImapNotifyEvents.MessageChanges | ImapNotifyEvents.MailboxName | ImapNotifyEvents.SubscriptionChange);
        return includeSelected
            ? new ImapNotifySpec([new ImapNotifyGroup(ImapNotifyFilter.Selected, ImapNotifyEvents.MessageChanges), personal])
            : new ImapNotifySpec([personal]);
    }

    /// <summary>The command <c>NOTIFY SET ...</c> for this spec.</summary>
    internal ImapCommand Build(ImapLiteralMode literalMode)
    {
        var builder = new ImapCommandBuilder("NOTIFY", literalMode).Atom("SET");
        if (Status) builder.Atom("STATUS");
        foreach (var group in Groups) group.AppendTo(builder);
        return builder.Build();
    }

    public override string ToString() => Build(ImapLiteralMode.NonSynchronizing).ToString();
}
