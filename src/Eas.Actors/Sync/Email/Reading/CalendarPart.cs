using Eas.Actors.Sync.Meetings;
using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// The meeting of an iMIP message (RFC 6047 2.4): its first text/calendar part, wherever it sits (beside the HTML of
/// a multipart/alternative, or attached), read by <see cref="InvitationReader"/>. A part larger than
/// <see cref="InvitationReader.MaxCalendarChars"/> bytes, or one that is no readable meeting, leaves the message an
/// ordinary one.
/// </summary>
internal static class CalendarPart
{
    public static async Task<MeetingInvitation?> ReadAsync(StoredMessage stored, CancellationToken cancellationToken)
    {
        if (stored.Message.Body is not { } body) return null;
        foreach (var entity in Walk(body))
        {
            if (entity is not TextPart { Content: not null } part || !part.ContentType.IsMimeType("text", "calendar")) continue;
            if (stored.Extent(part).Size > InvitationReader.MaxCalendarChars) return null;
            using var text = new MemoryStream();
            await part.Content.DecodeToAsync(text, cancellationToken).ConfigureAwait(false);
            var charset = part.ContentType.CharsetEncoding ?? System.Text.Encoding.UTF8;
            return InvitationReader.Read(charset.GetString(text.GetBuffer(), 0, (int)text.Length));
        }

        return null;
    }

    /// <summary>The entities of a body, depth first; nested messages are not entered (an attached invitation is someone else's).</summary>
    private static IEnumerable<MimeEntity> Walk(MimeEntity entity)
    {
        yield return entity;
        if (entity is not Multipart multipart) yield break;
        foreach (var child in multipart)
        {
            foreach (var inner in Walk(child)) yield return inner;
        }
    }
}
