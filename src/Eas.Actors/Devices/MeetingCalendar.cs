using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email.Reading;
using Eas.Actors.Sync.Meetings;
using Eas.Mail.Pim;

namespace Eas.Actors.Devices;

/// <summary>
/// The mailbox side of meetings: reading the invitation a message carries, and keeping the attendee's copy in the
/// account's default calendar of the PIM store (<see cref="PimKind.Calendar"/>, item id = the event's UID), in the
/// mailbox's turn like all its store work.
/// </summary>
internal static class MeetingCalendar
{
    /// <summary>The REQUEST the message carries; null when the message is gone or carries none.</summary>
    public static Task<MeetingInvitation?> ReadInvitationAsync(DeviceRequest request, DeviceActorSettings settings, string folderId, uint uid) =>
        MailboxWork.RunAsync(request, settings, async context =>
        {
            if (await context.ResolveEmailAsync(request, folderId) is not { } name) return null;
            await using var file = Persistence.TemporaryFile.Create();
            try
            {
                await context.Session.CopyPartAsync(name, uid, "", file, null, context.CancellationToken);
            }
            catch (FileNotFoundException)
            {
                return null;
            }

            try
            {
                var stored = await StoredMessage.LoadAsync(file, context.CancellationToken);
                return await CalendarPart.ReadAsync(stored, context.CancellationToken) is { Method: MeetingMethod.Request } invitation ? invitation : null;
            }
            catch (FormatException)
            {
                return null;
            }
        });

    /// <summary>
    /// Brings the calendar to the answer and moves the request message to Deleted Items. An accept or tentative accept
    /// writes the attendee's PARTSTAT into the stored entry (made from the invitation when missing); declining the
    /// whole meeting removes the entry, as Exchange does, and declining one occurrence records it on that occurrence.
    /// Returns the item id, or null when the account has no calendar.
    /// </summary>
    public static Task<string?> AnswerAsync(DeviceRequest request, DeviceActorSettings settings, MeetingInvitation invitation, MeetingAnswer answer, DateTime? instance, string folderId, uint uid) =>
        MailboxWork.RunAsync(request, settings, async context =>
        {
            if (!context.HasPim || await DefaultCalendarAsync(context.Pim, context.CancellationToken) is not { } calendar) return null;
            var store = context.Pim;
            var existing = FirstOf(await store.GetAsync(calendar.Id, [invitation.Uid], context.CancellationToken));
            if (answer == MeetingAnswer.Declined && instance is null)
            {
                if (existing is not null) await store.DeleteAsync(calendar.Id, existing.ItemId, null, context.CancellationToken);
            }
            else
            {
                var content = AttendeeCalendarEntry.WithAnswer(existing?.Content ?? AttendeeCalendarEntry.FromInvitation(invitation, request.EmailAddress), request.EmailAddress, answer, instance);
                if (existing is null) await store.CreateAsync(calendar.Id, invitation.Uid, content, context.CancellationToken);
                else await store.UpdateAsync(calendar.Id, existing.ItemId, content, null, context.CancellationToken);
            }

            await ToDeletedItemsAsync(context, request, folderId, uid);
            return invitation.Uid;
        });

    /// <summary>
    /// A tentative entry for each new invitation the mailbox shows (MS-ASCMD 2.2.1.11: the phone shows the meeting
    /// tentatively before it answers): created with the attendee's PARTSTAT NEEDS-ACTION, or replaced when the
    /// invitation's SEQUENCE is newer than the stored one and the attendee had not answered that revision. A
    /// cancellation marks the stored entry cancelled. Idempotent by UID and SEQUENCE, so a re-sync writes nothing.
    /// </summary>
    public static async Task RecordInvitationsAsync(MailboxContext context, string attendee, IEnumerable<MeetingInvitation> invitations)
    {
        if (!context.HasPim) return;
        PimCollection? calendar = null;
        foreach (var invitation in invitations)
        {
            if (invitation.Method is not (MeetingMethod.Request or MeetingMethod.Cancel) || invitation.RecurrenceId is not null) continue;
            if (string.Equals(invitation.OrganizerAddress, attendee, StringComparison.OrdinalIgnoreCase)) continue;
            calendar ??= await DefaultCalendarAsync(context.Pim, context.CancellationToken);
            if (calendar is null) return;
            var existing = FirstOf(await context.Pim.GetAsync(calendar.Id, [invitation.Uid], context.CancellationToken));
            if (invitation.Method == MeetingMethod.Cancel)
            {
                if (existing is not null && AttendeeCalendarEntry.SequenceOf(existing.Content) <= invitation.Sequence)
                    await context.Pim.UpdateAsync(calendar.Id, existing.ItemId, AttendeeCalendarEntry.Cancelled(existing.Content), existing.Version, context.CancellationToken);
                continue;
            }

            if (existing is not null && AttendeeCalendarEntry.SequenceOf(existing.Content) >= invitation.Sequence) continue;
            var content = AttendeeCalendarEntry.FromInvitation(invitation, attendee);
            if (existing is null) await context.Pim.CreateAsync(calendar.Id, invitation.Uid, content, context.CancellationToken);
            else await context.Pim.UpdateAsync(calendar.Id, existing.ItemId, content, existing.Version, context.CancellationToken);
        }
    }

    /// <summary>The account's default calendar (<see cref="PimCollection.IsDefault"/>), else its first; null when it has none.</summary>
    public static async Task<PimCollection?> DefaultCalendarAsync(IPimStore store, CancellationToken cancellationToken)
    {
        var calendars = await store.ListCollectionsAsync(PimKind.Calendar, cancellationToken);
        return calendars.FirstOrDefault(c => c.IsDefault) ?? (calendars.Count > 0 ? calendars[0] : null);
    }

    private static PimObject? FirstOf(IReadOnlyList<PimObject> items) => items.Count > 0 ? items[0] : null;

    private static async Task ToDeletedItemsAsync(MailboxContext context, DeviceRequest request, string folderId, uint uid)
    {
        if (await context.ResolveEmailAsync(request, folderId) is not { } name) return;
        var trash = (await context.RefreshFoldersAsync()).FirstOrDefault(f => f.Use == FolderUse.Trash && f.Selectable);
        if (trash is null || trash.Name == name) return;
        await context.Session.MoveAsync(name, [uid], trash.Name, context.CancellationToken);
    }
}

internal static partial class MeetingLog
{
    [Microsoft.Extensions.Logging.LoggerMessage(1760, Microsoft.Extensions.Logging.LogLevel.Information, "MeetingResponse of {User} for {RequestId} is Status 2: {Reason}")]
    public static partial void InvalidRequest(Microsoft.Extensions.Logging.ILogger logger, string user, string requestId, string reason);

    [Microsoft.Extensions.Logging.LoggerMessage(1761, Microsoft.Extensions.Logging.LogLevel.Warning, "Meeting answer of {User} not sent to the organizer: {Reason}")]
    public static partial void NotSent(Microsoft.Extensions.Logging.ILogger logger, string user, string reason);

    [Microsoft.Extensions.Logging.LoggerMessage(1762, Microsoft.Extensions.Logging.LogLevel.Warning, "The calendar of {User} could not be reached for a meeting answer: {Reason}")]
    public static partial void CalendarUnavailable(Microsoft.Extensions.Logging.ILogger logger, string user, string reason);

    [Microsoft.Extensions.Logging.LoggerMessage(1763, Microsoft.Extensions.Logging.LogLevel.Warning, "Invitations of {User} not put in the calendar: {Reason}")]
    public static partial void InvitationsNotRecorded(Microsoft.Extensions.Logging.ILogger logger, string user, string reason);

    [Microsoft.Extensions.Logging.LoggerMessage(1764, Microsoft.Extensions.Logging.LogLevel.Warning, "Meeting REQUEST or CANCEL of {User} not sent to its attendees: {Reason}")]
    public static partial void OrganizerMailNotSent(Microsoft.Extensions.Logging.ILogger logger, string user, string reason);
}
