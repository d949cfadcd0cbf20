namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// email:TimeZone of a meeting request (MS-ASEMAIL 2.2.2.79): the MS-ASDTYPE 2.7 blob, base64, of the zone the
/// meeting's start is written in. Start and end go out in UTC either way, so the zone only tells the phone how the
/// organizer sees the meeting.
/// </summary>
internal static class MeetingTimeZone
{
    /// <summary>The blob's size: bias, standard name, standard date, standard bias, daylight name, date and bias.</summary>
    private const int BlobLength = 4 + 64 + 16 + 4 + 64 + 16 + 4;

    private static readonly string Utc = Convert.ToBase64String(new byte[BlobLength]);

    public static string Blob(MeetingInvitation meeting) => Utc;
}
