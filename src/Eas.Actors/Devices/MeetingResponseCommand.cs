using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Sending;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Meetings;
using Eas.Wire.Commands.MeetingResponse;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// MeetingResponse (MS-ASCMD 2.2.1.11): answers meeting requests in the user's mail. For each Request the invitation is
/// read from the message (its iMIP part, <see cref="InvitationReader"/>); the answer is sent to the organizer as an
/// iTIP REPLY (COUNTER with a proposed time) over SMTP as the account (16.0+: only when the phone sent SendResponse,
/// 2.2.3.163; before 16.0 always, since those phones have no way to ask); then the account's default calendar is
/// brought to the answer (<see cref="MeetingCalendar"/>) and the request message goes to Deleted Items, as Exchange
/// does. Sending first means a failed send changes nothing and the phone may simply retry. CalendarId is the ServerId
/// under which this device holds the calendar item, when it has synced it (2.2.3.18); a decline has none.
/// </summary>
internal static class MeetingResponseCommand
{
    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings, PimCollectionCache pimStates, DateTimeOffset now)
    {
        var body = (MeetingResponseRequest)request.Body!;
        var results = ImmutableArray.CreateBuilder<MeetingResponseResult>(body.Requests.Length);
        foreach (var item in body.Requests) results.Add(await AnswerAsync(item, request, settings, pimStates, now));
        return new Decision(new RespondWith(new MeetingResponseResponse(results.ToImmutable())), []);
    }

    private static async Task<MeetingResponseResult> AnswerAsync(MeetingResponseItem item, DeviceRequest request, DeviceActorSettings settings, PimCollectionCache pimStates, DateTimeOffset now)
    {
        var requestId = item.LongId is null ? item.RequestId : null;
        var user = request.EmailAddress;
        var answer = (MeetingAnswer)(int)item.UserResponse;
        if (!TryInstance(item.InstanceId, request.Line.ProtocolVersion, out var instance)
            || MessageOf(item) is not { } message
            || !request.Features.Allows(DataClass.Email))
            return Invalid(settings, request, requestId, "the request names no meeting request of this user");

        try
        {
            var invitation = await MeetingCalendar.ReadInvitationAsync(request, settings, message.FolderId, message.Uid);
            if (invitation is null) return Invalid(settings, request, requestId, "the item is no meeting request");
            if (string.Equals(invitation.OrganizerAddress, user, StringComparison.OrdinalIgnoreCase)) return Invalid(settings, request, requestId, "the user organizes the meeting");
            if (instance is not null && invitation.Recurrence is null) return Invalid(settings, request, requestId, "InstanceId names an occurrence of a meeting that does not recur");

            if (ShouldSend(item, request.Line.ProtocolVersion, invitation))
            {
                if (await SendAsync(invitation, item, answer, instance, request, settings, now) is { } failure) return failure with { RequestId = requestId };
            }

            var itemId = await MeetingCalendar.AnswerAsync(request, settings, invitation, answer, instance, message.FolderId, message.Uid);
            if (itemId is null) return new MeetingResponseResult(requestId, MeetingResponseStatus.MailboxError);
            return new MeetingResponseResult(requestId, MeetingResponseStatus.Success)
            {
                CalendarId = answer == MeetingAnswer.Declined ? null : HeldServerId(pimStates, itemId),
                InstanceId = item.InstanceId,
            };
        }
        catch (Eas.Mail.Pim.PimStoreUnavailableException e)
        {
            MeetingLog.CalendarUnavailable(settings.Logger, request.AccountId, e.Message);
            return new MeetingResponseResult(requestId, MeetingResponseStatus.MailboxError);
        }
    }

    /// <summary>The message a Request names: by LongId (<see cref="LongIds"/>) or by CollectionId and RequestId.</summary>
    private static (string FolderId, uint Uid)? MessageOf(MeetingResponseItem item)
    {
        var (folderId, itemId) = item.LongId is { } longId && LongIds.TryParse(longId, out var longFolder) ? (longFolder, longId) : (item.CollectionId, item.RequestId);
        return folderId is not null && itemId is not null && ServerIds.TryParse(itemId, folderId, out var uid) ? (folderId, uid) : null;
    }

    /// <summary>InstanceId (MS-ASCMD 2.2.3.92.1): a dateTime, and not in 12.1 or 14.0 (where it is Status 2).</summary>
    private static bool TryInstance(string? instanceId, ProtocolVersion version, out DateTime? instance)
    {
        instance = null;
        if (instanceId is null) return true;
        if (version < ProtocolVersion.V141 || !EmailDateTime.TryParse(instanceId, out var value)) return false;
        instance = value;
        return true;
    }

    private static bool ShouldSend(MeetingResponseItem item, ProtocolVersion version, MeetingInvitation invitation) =>
        invitation.OrganizerAddress is not null && (version < ProtocolVersion.V160 || item.SendResponse is not null);

    /// <summary>The REPLY (or COUNTER) to the organizer; a refusal is Status 4 and nothing else happens.</summary>
    private static async Task<MeetingResponseResult?> SendAsync(
        MeetingInvitation invitation, MeetingResponseItem item, MeetingAnswer answer, DateTime? instance, DeviceRequest request, DeviceActorSettings settings, DateTimeOffset now)
    {
        if (settings.Submitter is not { } submitter || request.Credentials is not { } credentials)
        {
            MeetingLog.NotSent(settings.Logger, request.AccountId, "no SMTP submission is configured");
            return new MeetingResponseResult(null, MeetingResponseStatus.ServerError);
        }

        var proposal = item.SendResponse is { ProposedStart: { } start, ProposedEnd: { } end } ? (start, end) : ((DateTime, DateTime)?)null;
        var calendar = ItipMessages.Reply(invitation, request.EmailAddress, answer, instance, now.UtcDateTime, proposal);
        var method = proposal is null ? "REPLY" : "COUNTER";
        var subject = $"{answer.SubjectPrefix()}: {invitation.Summary}";
        var note = string.IsNullOrEmpty(item.SendResponse?.Body) ? subject : item.SendResponse!.Body!;
        using var mail = ItipMail.Compose(request.EmailAddress, [invitation.OrganizerAddress!], subject, note, calendar, method);
        try
        {
            await submitter.SubmitAsync(credentials, request.EmailAddress, [invitation.OrganizerAddress!], (stream, ct) => mail.WriteToAsync(stream, ct), CancellationToken.None);
            return null;
        }
        catch (SubmissionException e)
        {
            MeetingLog.NotSent(settings.Logger, request.AccountId, $"{e.Failure}: {e.Message}");
            return new MeetingResponseResult(null, MeetingResponseStatus.ServerError);
        }
    }

    /// <summary>The ServerId this device holds the calendar item under, in any of its PIM collections; null when it has not synced it.</summary>
    private static string? HeldServerId(PimCollectionCache states, string itemId)
    {
        foreach (var (_, state) in states.Saved)
        {
            foreach (var (serverId, held) in state.Items)
            {
                if (held.ItemId == itemId) return serverId;
            }
        }

        return null;
    }

    private static MeetingResponseResult Invalid(DeviceActorSettings settings, DeviceRequest request, string? requestId, string reason)
    {
        MeetingLog.InvalidRequest(settings.Logger, request.AccountId, requestId ?? "(LongId)", reason);
        return new MeetingResponseResult(requestId, MeetingResponseStatus.InvalidMeetingRequest);
    }
}
