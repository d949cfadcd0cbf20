using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Numbers a MimeKit tree the way an IMAP server numbers BODYSTRUCTURE and BODY[n] (RFC 3501 section 6.4.5),
/// which is what a later FETCH of one attachment uses; MimeKit keeps no such numbers. Body parts of a
/// multipart count from 1; a message's multipart body shares the message's number (none, "", at the top
/// level, where it is fetched as TEXT) and its parts continue from it; a message whose body is not a multipart
/// has that body as its part 1 ("1" at the top level, "n.1" inside a message/rfc822 part n). A multipart
/// without a boundary cannot be split and is numbered as a single part. Empty body parts MimeKit leaves out
/// (<see cref="SkippedEmptyParts"/>) still take their numbers.
/// </summary>
public static class ImapPartNumbers
{
    /// <summary>
    /// The specifier of every entity of <paramref name="message"/>, encapsulated messages included;
    /// <paramref name="emptyPartsBefore"/> says how many empty parts MimeKit left out right before a body part.
    /// </summary>
    public static Dictionary<MimeEntity, string> Assign(MimeMessage message, IReadOnlyDictionary<MimeEntity, int>? emptyPartsBefore = null)
    {
        var numbering = new Numbering(new Dictionary<MimeEntity, string>(ReferenceEqualityComparer.Instance), emptyPartsBefore ?? new Dictionary<MimeEntity, int>());
        numbering.AssignMessage(message, string.Empty);
        return numbering.Numbers;
    }

    /// <summary>Whether the entity is a multipart MimeKit could split into body parts.</summary>
    public static bool IsSplitMultipart(MimeEntity entity) => entity is Multipart { Boundary: not null };

    private sealed record Numbering(Dictionary<MimeEntity, string> Numbers, IReadOnlyDictionary<MimeEntity, int> EmptyPartsBefore)
    {
        public void AssignMessage(MimeMessage message, string number)
        {
            if (message.Body is not { } body) return;
            if (IsSplitMultipart(body)) AssignEntity(body, number);
            else AssignEntity(body, Child(number, 1));
        }

        private void AssignEntity(MimeEntity entity, string number)
        {
            Numbers[entity] = number;
            switch (entity)
            {
                case Multipart multipart when IsSplitMultipart(multipart):
                    var index = 0;
                    foreach (var child in multipart)
                    {
                        index += 1 + EmptyPartsBefore.GetValueOrDefault(child);
                        AssignEntity(child, Child(number, index));
                    }

                    break;
                case MessagePart { Message: { } inner }:
                    AssignMessage(inner, number);
                    break;
            }
        }
    }

    private static string Child(string number, int index) => number.Length == 0 ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{number}.{index}";
}
