using Eas.Actors.Mailboxes;
using Eas.Mail.Pim;

namespace Eas.Actors.Devices;

/// <summary>
/// Where a new invitation reaches the calendar: when the email sync first hands a meeting request to a phone, the
/// meeting goes into the account's default calendar as tentative (<see cref="MeetingCalendar.RecordInvitationsAsync"/>),
/// so the phone sees it there before it answers, as Exchange shows it. A calendar that cannot be written is logged
/// and never fails the mail sync.
/// </summary>
internal static class MeetingInvitations
{
    public static async Task RecordAsync(MailboxContext context, DeviceRequest request, DeviceActorSettings settings, IReadOnlyList<FetchedEmail> fetched)
    {
        var meetings = fetched.Select(f => f.Item.Meeting).OfType<Sync.Meetings.MeetingInvitation>().ToList();
        if (meetings.Count == 0 || !context.HasPim || !request.Features.Allows(Accounts.DataClass.Pim)) return;
        try
        {
            await MeetingCalendar.RecordInvitationsAsync(context, request.EmailAddress, meetings);
        }
        catch (Exception e) when (e is PimStoreUnavailableException or PimConflictException or PimItemRejectedException or FormatException or NotSupportedException)
        {
            MeetingLog.InvitationsNotRecorded(settings.Logger, request.AccountId, e.Message);
        }
    }
}
