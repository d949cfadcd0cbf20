using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Reading;
using MimeKit;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>Builds messages from readable text and reads them the way a Sync does.</summary>
internal static class ReadingTestData
{
    public static readonly DateTimeOffset Received = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The text with every line end made CRLF, as UTF-8.</summary>
    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    /// <summary>Reads a message written as text (line ends made CRLF) into an item.</summary>
    public static Task<EmailItem> ReadAsync(string message, long? maxBodyBytes = null, bool wantMime = false) =>
        ReadAsync(Crlf(message), maxBodyBytes, wantMime);

    /// <summary>Reads message bytes from a memory buffer into an item, as the IMAP session does for small messages.</summary>
    public static Task<EmailItem> ReadAsync(byte[] message, long? maxBodyBytes = null, bool wantMime = false, IReadOnlyList<string>? flags = null) =>
        StoredMessageReader.ReadAsync(new MemoryStream(message), flags ?? [], Received, new EmailContentRequest(maxBodyBytes, WantHtml: true, wantMime), CancellationToken.None);

    /// <summary>Parses a message written as text (line ends made CRLF).</summary>
    public static Task<StoredMessage> LoadAsync(string message) => StoredMessage.LoadAsync(new MemoryStream(Crlf(message)), CancellationToken.None);

    /// <summary>A compact picture of the tree: "specifier type/subtype" lines, indented by depth, "TEXT" for the empty specifier.</summary>
    public static string Outline(StoredMessage stored)
    {
        var lines = new List<string>();
        void Walk(MimeEntity entity, int depth)
        {
            var number = stored.PartNumber(entity);
            lines.Add(new string(' ', depth * 2) + (number.Length == 0 ? "TEXT" : number) + " " + entity.ContentType.MimeType.ToLowerInvariant());
            if (entity is Multipart multipart)
            {
                foreach (var child in multipart) Walk(child, depth + 1);
            }
            else if (entity is MessagePart { Message.Body: { } body })
            {
                Walk(body, depth + 1);
            }
        }

        if (stored.Message.Body is { } root) Walk(root, 0);
        return string.Join("\n", lines);
    }

    /// <summary>The decoded text of the leaf numbered <paramref name="number"/>.</summary>
    public static string LeafText(StoredMessage stored, string number)
    {
        var part = All(stored.Message.Body!).OfType<TextPart>().Single(p => stored.PartNumber(p) == number);
        using var reader = new StreamReader(part.Content!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Every entity below and including <paramref name="entity"/>, encapsulated messages included.</summary>
    public static IEnumerable<MimeEntity> All(MimeEntity entity)
    {
        yield return entity;
        IEnumerable<MimeEntity> children = entity switch
        {
            Multipart multipart => multipart,
            MessagePart { Message.Body: { } body } => [body],
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in All(child)) yield return descendant;
        }
    }
}
