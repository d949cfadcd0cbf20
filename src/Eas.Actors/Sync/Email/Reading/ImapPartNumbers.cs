using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Numbers a MimeKit tree the way an IMAP server numbers BODYSTRUCTURE and BODY[n] (RFC 3501 section 6.4.5),
/// which is what a later FETCH of one attachment uses; MimeKit keeps no such numbers. Body parts of a
/// multipart count from 1; a message's multipart body shares the message's number (none, "", at the top
/// level, where it is fetched as TEXT) and its parts continue from it; a message whose body is not a multipart
/// has that body as its part 1 ("1" at the top level, "n.1" inside a message/rfc822 part n). A multipart
/// without a boundary cannot be split and is numbered as a single part.
/// </summary>
public static class ImapPartNumbers
{
    /// <summary>The specifier of every entity of <paramref name="message"/>, encapsulated messages included.</summary>
    public static Dictionary<MimeEntity, string> Assign(MimeMessage message)
    {
        var numbers = new Dictionary<MimeEntity, string>(ReferenceEqualityComparer.Instance);
        AssignMessage(message, string.Empty, numbers);
        return numbers;
    }

    /// <summary>Whether the entity is a multipart MimeKit could split into body parts.</summary>
    public static bool IsSplitMultipart(MimeEntity entity) => entity is Multipart { Boundary: not null };

    private static void AssignMessage(MimeMessage message, string number, Dictionary<MimeEntity, string> numbers)
    {
        if (message.Body is not { } body) return;
        if (IsSplitMultipart(body)) AssignEntity(body, number, numbers);
        else AssignEntity(body, Child(number, 1), numbers);
    }

    private static void AssignEntity(MimeEntity entity, string number, Dictionary<MimeEntity, string> numbers)
    {
        numbers[entity] = number;
        switch (entity)
        {
            case Multipart multipart when IsSplitMultipart(multipart):
                for (var i = 0; i < multipart.Count; i++) AssignEntity(multipart[i], Child(number, i + 1), numbers);
                break;
            case MessagePart { Message: { } inner }:
                AssignMessage(inner, number, numbers);
                break;
        }
    }

    private static string Child(string number, int index) => number.Length == 0 ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{number}.{index}";
}
