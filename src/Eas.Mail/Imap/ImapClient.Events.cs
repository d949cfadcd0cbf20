using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Protocol;
using Eas.Mail.Imap.Watching;

namespace Eas.Mail.Imap;

/// <summary>
/// The selected mailbox (RFC 3501 section 3.3) and the queue of changes the server reports on its own: about
/// the selected mailbox (RFC 3501 section 7.4.1 EXPUNGE, 7.3.1 EXISTS, 7.4.2 FETCH; RFC 7162 section 3.2.10
/// VANISHED) and, while NOTIFY is set, about the others (RFC 5465 STATUS and LIST).
/// </summary>
public sealed partial class ImapClient
{
    private readonly Queue<ImapMailboxEvent> _events = new();
    private readonly Lock _eventsLock = new();
    private long _droppedEvents;
    private string? _droppedMailbox;

    /// <summary>The mailbox opened by the last successful SELECT or EXAMINE; null when none is selected.</summary>
    public SelectedMailbox? Selected { get; private set; }

    /// <summary>How many mailbox events wait to be taken.</summary>
    public int PendingMailboxEvents
    {
        get
        {
            lock (_eventsLock) return _events.Count + (_droppedEvents > 0 ? 1 : 0);
        }
    }

    /// <summary>
    /// Returns and forgets the mailbox events queued so far, oldest first. Callable from any thread, also while
    /// a command runs. If the queue overflowed, the last event is an <see cref="ImapMailboxEventsDropped"/>.
    /// </summary>
    public IReadOnlyList<ImapMailboxEvent> TakeMailboxEvents()
    {
        lock (_eventsLock)
        {
            var events = new List<ImapMailboxEvent>(_events.Count + 1);
            events.AddRange(_events);
            _events.Clear();
            if (_droppedEvents > 0) events.Add(new ImapMailboxEventsDropped(_droppedMailbox!, _droppedEvents));
            _droppedEvents = 0;
            _droppedMailbox = null;
            return events;
        }
    }

    /// <summary>
    /// Queues a response as a mailbox event if it is one: a change to the selected mailbox, or, while NOTIFY is
    /// set, a change to another mailbox; otherwise ignores it.
    /// </summary>
    private void RecordMailboxEvent(ImapResponse response) => QueueMailboxEvent(response, Selected?.Name);

    private void RecordMailboxEvent(ImapResponse response, string? mailbox) => QueueMailboxEvent(response, mailbox);

    /// <summary>Queues the event <paramref name="response"/> stands for, if any, and returns it (also when the full queue dropped it).</summary>
    private ImapMailboxEvent? QueueMailboxEvent(ImapResponse response, string? mailbox)
    {
        var change = ToMailboxEvent(response, mailbox);
        if (change is null) return null;
        lock (_eventsLock)
        {
            if (_events.Count < _options.MaxPendingMailboxEvents)
            {
                _events.Enqueue(change);
                return change;
            }

            _droppedEvents++;
            _droppedMailbox ??= change.Mailbox;
        }

        return change;
    }

    /// <summary>
    /// The event an untagged response reports: <c>[NOTIFICATIONOVERFLOW]</c> (which also ends NOTIFY, RFC 5465
    /// section 5.8), STATUS and LIST while NOTIFY is set (RFC 5465 sections 5.1 to 5.5), and EXISTS, EXPUNGE,
    /// VANISHED and FETCH about <paramref name="mailbox"/>, the selected one.
    /// </summary>
    private ImapMailboxEvent? ToMailboxEvent(ImapResponse response, string? mailbox)
    {
        if (response.Kind != ImapResponseKind.Untagged) return null;
        if (NotifyResponseParser.IsOverflow(response))
        {
            ActiveNotification = null;
            return new ImapNotificationOverflow(response.Text);
        }

        if (ActiveNotification is not null && NotifyResponseParser.TryParse(response) is { } notified) return notified;
        if (mailbox is null) return null;
        return response switch
        {
            { Name: "EXISTS", Number: { } count } => new ImapMessageCountChanged(mailbox, Checked32(count)),
            { Name: "EXPUNGE", Number: { } number } => new ImapMessageExpunged(mailbox, Checked32(number)),
            { Name: "VANISHED" } => VanishedEvent(mailbox, Vanished(response)),
            { Name: "FETCH" } => new ImapMessageChanged(mailbox, FetchResponseParser.Parse(response)),
            _ => null,
        };
    }

    /// <summary>Whether an event already queued satisfies <paramref name="stopWhen"/>; the queue is left as it is.</summary>
    private bool PendingEventMatches(Func<ImapMailboxEvent, bool> stopWhen)
    {
        ImapMailboxEvent[] pending;
        lock (_eventsLock)
        {
            pending = _droppedEvents > 0
                ? [.. _events, new ImapMailboxEventsDropped(_droppedMailbox!, _droppedEvents)]
                : [.. _events];
        }

        return pending.Any(stopWhen);
    }

    /// <summary>Reads <c>* VANISHED [(EARLIER)] uid-set</c> (RFC 7162 section 3.2.10).</summary>
    private static (UidSet Uids, bool Earlier) Vanished(ImapResponse response)
    {
        var data = response.Data;
        var earlier = data.Count == 2 && data[0] is ImapList { Items: [var tag] } && ImapData.IsAtom(tag, "EARLIER");
        if (data.Count != (earlier ? 2 : 1)) throw ImapData.Malformed($"VANISHED should be '* VANISHED [(EARLIER)] uids' but is {response}");
        return (ImapData.ParseUidSet(ImapData.Atom(data[^1], "the VANISHED UIDs"), "the VANISHED UIDs"), earlier);
    }

    private static ImapMessagesVanished VanishedEvent(string mailbox, (UidSet Uids, bool Earlier) vanished) =>
        new(mailbox, vanished.Uids, vanished.Earlier);

    private static uint Checked32(ulong number) =>
        number <= uint.MaxValue ? (uint)number : throw ImapData.Malformed($"the message number {number} exceeds 32 bits");

    private void SetSelected(SelectedMailbox? mailbox)
    {
        Selected = mailbox;
        if (State is ImapSessionState.Authenticated or ImapSessionState.Selected)
            State = mailbox is null ? ImapSessionState.Authenticated : ImapSessionState.Selected;
    }

    /// <summary>Forgets what belonged to the session (a new connection starts without them); queued events stay.</summary>
    private void ResetMailboxSession()
    {
        Selected = null;
        ActiveNotification = null;
        _enabled.Clear();
        _condStoreUsed = false;
    }

    /// <summary>
    /// Runs a typed command: untagged responses go to <paramref name="onData"/>, and those it does not claim
    /// are queued as mailbox events. NO and BAD raise <see cref="ImapCommandException"/>.
    /// </summary>
    private async Task<ImapResponse> RunCommandAsync(ImapCommand command, Func<ImapResponse, bool>? onData, CancellationToken cancellationToken)
    {
        var completion = await ExecuteCoreAsync(command, response =>
        {
            if (onData?.Invoke(response) != true) RecordMailboxEvent(response);
        }, null, cancellationToken).ConfigureAwait(false);
        ThrowIfNotOk(command, completion);
        return completion;
    }

    /// <summary>Starts a command with the session's literal mode (LITERAL+ where offered).</summary>
    private ImapCommandBuilder Command(string name) => new(name, Capabilities.LiteralMode);

    private void RequireLoggedIn(string command)
    {
        if (State is not (ImapSessionState.Authenticated or ImapSessionState.Selected))
            throw new InvalidOperationException($"{command} needs a logged-in session, and the client is {State}.");
    }

    private SelectedMailbox RequireSelected(string command) =>
        Selected ?? throw new InvalidOperationException($"{command} needs a selected mailbox (RFC 3501 section 6.4).");

    private void RequireCapability(string capability, string command)
    {
        if (!Capabilities.Contains(capability))
            throw new InvalidOperationException($"The IMAP server does not offer {capability}, which {command} needs.");
    }
}
