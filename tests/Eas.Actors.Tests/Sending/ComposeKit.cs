using System.Text;
using Eas.Actors.Sending.Compose;
using MimeKit;

namespace Eas.Actors.Tests.Sending;

/// <summary>Reads hand-written messages as a phone's submission, composes and writes them, and checks what any written message must be.</summary>
internal static class ComposeKit
{
    public const string Account = "me@example.com";

    public static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    /// <summary>The text with every line end made CRLF, as UTF-8 bytes.</summary>
    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static PhoneMessage Read(string message, string account = Account) => PhoneMessage.Read(Crlf(message), account, new FixedClock(Now));

    /// <summary>Composes a SmartReply or SmartForward from the phone's message and the original's text, as the command does.</summary>
    public static async Task<PhoneMessage> ComposeAsync(string phone, string original, bool forward, bool replaceMime = false)
    {
        var message = Read(phone);
        var file = new MemoryStream(Crlf(original));
        MimeMessage? parsed;
        try
        {
            parsed = await MimeMessage.LoadAsync(ParserOptions.Default, file, persistent: true);
        }
        catch (FormatException)
        {
            parsed = null;
        }

        await SmartComposer.ComposeAsync(message, parsed, file, forward, replaceMime, CancellationToken.None);
        return message;
    }

    /// <summary>Writes the message, checks line ends and lengths, and returns the text.</summary>
    public static async Task<string> WriteAsync(PhoneMessage message, OutgoingCopy copy = OutgoingCopy.Delivery)
    {
        using var output = new MemoryStream();
        await message.WriteToAsync(output, copy);
        var bytes = output.ToArray();
        AssertCrlf(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The written message read back by MimeKit.</summary>
    public static async Task<MimeMessage> ReadBackAsync(PhoneMessage message, OutgoingCopy copy = OutgoingCopy.Delivery) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(await WriteAsync(message, copy))));

    /// <summary>The message's text body with CRLF line ends (MimeKit hands decoded text out with LF).</summary>
    public static string? Plain(MimeMessage message) => message.TextBody?.ReplaceLineEndings("\r\n");

    /// <summary>The message's HTML body with CRLF line ends.</summary>
    public static string? Html(MimeMessage message) => message.HtmlBody?.ReplaceLineEndings("\r\n");

    /// <summary>The header block of a written message, without the blank line after it.</summary>
    public static string HeaderOf(string written) => written[..written.IndexOf("\r\n\r\n", StringComparison.Ordinal)] + "\r\n";

    /// <summary>The outline of a message's parts: one line per entity, indented by depth.</summary>
    public static string Outline(MimeEntity? entity, int depth = 0)
    {
        entity.ShouldNotBeNull();
        var line = new string(' ', depth * 2) + entity.ContentType.MimeType;
        return entity is Multipart multipart ? string.Join("\n", [line, .. multipart.Select(child => Outline(child, depth + 1))]) : line;
    }

    /// <summary>No bare CR or LF.</summary>
    private static void AssertCrlf(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r') (i + 1 < bytes.Length && bytes[i + 1] == '\n').ShouldBeTrue($"bare CR at byte {i}");
            else if (bytes[i] == '\n') (i > 0 && bytes[i - 1] == '\r').ShouldBeTrue($"bare LF at byte {i}");
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
