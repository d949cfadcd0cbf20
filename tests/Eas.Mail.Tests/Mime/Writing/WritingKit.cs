using System.Text;
using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>Reads hand-written messages as a phone's submission, writes them, and checks what any written message must be.</summary>
internal static class WritingKit
{
    public const string Account = "me@example.com";

    public static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static OutgoingMessageOptions Options { get; } = new() { Clock = new FixedClock(Now) };

    public static Task<OutgoingMessage> ReadAsync(string message, OutgoingMessageOptions? options = null) =>
        OutgoingMessage.ReadAsync(MimeTestData.Crlf(message), Account, options ?? Options);

    public static MemoryStream Original(string message) => new(MimeTestData.Crlf(message));

    /// <summary>Writes the message, checks line ends and lengths, and returns the bytes.</summary>
    public static async Task<byte[]> WriteAsync(OutgoingMessage message, OutgoingCopy copy = OutgoingCopy.Delivery)
    {
        using var output = new MemoryStream();
        await message.WriteToAsync(output, copy);
        var bytes = output.ToArray();
        AssertWellFormed(bytes);
        return bytes;
    }

    public static async Task<string> WriteTextAsync(OutgoingMessage message, OutgoingCopy copy = OutgoingCopy.Delivery) =>
        Encoding.UTF8.GetString(await WriteAsync(message, copy));

    /// <summary>Every line ends in CRLF (no bare CR or LF) and is at most 998 octets (RFC 5322 section 2.1.1).</summary>
    public static void AssertWellFormed(byte[] bytes)
    {
        var lineStart = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r')
            {
                (i + 1 < bytes.Length && bytes[i + 1] == '\n').ShouldBeTrue($"bare CR at byte {i}");
            }
            else if (bytes[i] == '\n')
            {
                (i > 0 && bytes[i - 1] == '\r').ShouldBeTrue($"bare LF at byte {i}");
                (i - 1 - lineStart).ShouldBeLessThanOrEqualTo(998, $"line at byte {lineStart}");
                lineStart = i + 1;
            }
        }

        (bytes.Length - lineStart).ShouldBeLessThanOrEqualTo(998);
    }

    public static Task<MessageSummary> SummarizeAsync(byte[] message) => MessageBodies.ExtractAsync(new MemoryStream(message));

    /// <summary>The decoded content of every leaf, keyed by IMAP part specifier.</summary>
    public static Task<MimeTestData.ReadResult> ParseAsync(byte[] message) => MimeTestData.ReadAsync(message);

    /// <summary>The header fields of a written message (without the blank line after them), as text.</summary>
    public static string HeaderOf(byte[] message)
    {
        var text = Encoding.UTF8.GetString(message);
        return text[..(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 2)];
    }

    /// <summary>The decoded text of a part, in its charset.</summary>
    public static string TextOf(MimeTestData.ReadResult read, string specifier) =>
        MimeCharsets.Decode(read.Contents[specifier], read.Part(specifier).ContentType.Charset);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
