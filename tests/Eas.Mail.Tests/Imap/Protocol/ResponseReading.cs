using System.Text;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Tests.Imap.Protocol;

/// <summary>Feeds server bytes to an <see cref="ImapResponseReader"/>, optionally a few bytes per read.</summary>
internal static class ResponseReading
{
    public static ImapResponseReader Reader(string wire, ImapLimits? limits = null, int chunk = int.MaxValue) =>
        new(new ChunkedStream(Encoding.UTF8.GetBytes(wire), chunk), limits);

    public static async Task<ImapResponse> ReadOneAsync(string wire, ImapLimits? limits = null)
    {
        using var reader = Reader(wire, limits);
        return await reader.ReadAsync();
    }

    public static string Text(ImapValue value) => value.AsText().ShouldNotBeNull();

    public static ImapList List(ImapValue value) => value.ShouldBeOfType<ImapList>();

    /// <summary>A read-only stream that hands out at most <c>chunk</c> bytes per read, to cross buffer edges.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
