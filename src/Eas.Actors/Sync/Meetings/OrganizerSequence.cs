namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// The revision number of a meeting the user organizes (RFC 5545 3.8.7.4 SEQUENCE; RFC 5546 2.1.4: the organizer
/// raises it for every change attendees must see, so they can tell the newer REQUEST or CANCEL from an older one).
/// A phone has no element for it (MS-ASCAL 2.2.2), so the server keeps it in the stored event: a Change that
/// <see cref="OrganizerScheduling"/> sends a REQUEST for is stored one above the revision it replaces, and a Change
/// that drops the line (a codec that rebuilds the event) keeps the stored revision. Every VEVENT of the object (the
/// series and its exceptions) carries the same number. Pure text: the stored event is otherwise left as it is.
/// </summary>
public static class OrganizerSequence
{
    /// <summary>The text to store for a change of <paramref name="before"/> into <paramref name="after"/>: <paramref name="after"/>, its SEQUENCE raised where the change is a new revision.</summary>
    public static string Revise(string before, string after, string user)
    {
        if (OrganizerScheduling.RevisionOf(before, after, user) is not { } revision) return after;
        return revision.Next > revision.Current ? WithSequence(after, revision.Next) : after;
    }

    /// <summary><paramref name="content"/> with SEQUENCE:<paramref name="sequence"/> in every VEVENT (replacing the one it had, else right after BEGIN:VEVENT).</summary>
    public static string WithSequence(string content, int sequence)
    {
        var newline = content.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = content.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var result = new List<string>(lines.Count + 2);
        var depthInEvent = 0;
        foreach (var line in lines)
        {
            if (depthInEvent == 0)
            {
                result.Add(line);
                if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
                {
                    depthInEvent = 1;
                    result.Add("SEQUENCE:" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                continue;
            }

            if (line.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase)) depthInEvent++;
            else if (line.StartsWith("END:", StringComparison.OrdinalIgnoreCase)) depthInEvent--;
            else if (depthInEvent == 1 && IsSequenceLine(line)) continue;
            result.Add(line);
        }

        return string.Join(newline, result);
    }

    private static bool IsSequenceLine(string line) =>
        line.StartsWith("SEQUENCE:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("SEQUENCE;", StringComparison.OrdinalIgnoreCase);
}
