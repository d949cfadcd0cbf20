using Eas.Actors.Sending;
using Eas.Actors.Sync.Meetings;

namespace Eas.Actors.Devices;

/// <summary>
/// Sends what a phone's calendar write means to the meeting's attendees (<see cref="OrganizerScheduling"/>: REQUEST for
/// a meeting the user organizes that was added or changed, CANCEL when it is cancelled or deleted), over SMTP as the
/// account, with the user's own credentials (RFC 6047). A change attendees see is stored with its SEQUENCE raised
/// (<see cref="OrganizerSequence"/>), so each REQUEST and the CANCEL carry a revision above the last. The write itself
/// stands either way: a refused submission is log event 1764, never a failed Sync. Without SMTP submission or the
/// user's credentials nothing can be sent, and a Delete is not read first.
/// </summary>
internal sealed class OrganizerMail(DeviceRequest request, DeviceActorSettings settings, DateTimeOffset now) : IPimWriteFollowUp
{
    public bool NeedsDeletedItem => settings.Submitter is not null && request.Credentials is not null;

    public string Revise(string before, string after) => OrganizerSequence.Revise(before, after, request.EmailAddress);

    /// <summary>After the store took the phone's write of one calendar item; <paramref name="before"/> null for an Add, <paramref name="after"/> null for a Delete.</summary>
    public async Task WrittenAsync(string? before, string? after)
    {
        if (OrganizerScheduling.Plan(before, after, request.EmailAddress, now.UtcDateTime) is not { } outgoing) return;
        if (settings.Submitter is not { } submitter || request.Credentials is not { } credentials)
        {
            MeetingLog.OrganizerMailNotSent(settings.Logger, request.AccountId, "no SMTP submission is configured");
            return;
        }

        var method = outgoing.Method == MeetingMethod.Cancel ? "CANCEL" : "REQUEST";
        using var mail = ItipMail.Compose(request.EmailAddress, outgoing.Recipients, outgoing.Subject, outgoing.Subject, outgoing.Calendar, method);
        try
        {
            await submitter.SubmitAsync(credentials, request.EmailAddress, outgoing.Recipients, (stream, ct) => mail.WriteToAsync(stream, ct), CancellationToken.None);
        }
        catch (SubmissionException e)
        {
            MeetingLog.OrganizerMailNotSent(settings.Logger, request.AccountId, $"{e.Failure}: {e.Message}");
        }
    }
}
