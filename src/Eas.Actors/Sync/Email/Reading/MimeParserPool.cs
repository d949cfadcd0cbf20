using System.Collections.Concurrent;
using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// MimeKit parsers kept for reuse. A <see cref="MimeParser"/> allocates its read-ahead and header buffers when it is
/// made (about 10 KB), and a Sync reads every message of its window with a parser of its own, so the node keeps a
/// few and points one at each message's buffer in turn (<see cref="MimeParser.SetStream(Stream, MimeFormat, bool)"/>
/// resets all its state; its options are kept). A returned parser is pointed at <see cref="Stream.Null"/> so it holds no message buffer
/// alive. At most <see cref="Capacity"/> are kept; more at once are made and dropped. The options are
/// <see cref="StoredMessageParserOptions"/>, fresh per parser and never changed after.
/// </summary>
internal static class MimeParserPool
{
    /// <summary>The most idle parsers kept: one per core reading at once, twice over.</summary>
    public static readonly int Capacity = Environment.ProcessorCount * 2;

    private static readonly ConcurrentQueue<MimeParser> Idle = new();
    private static int _idleCount;

    /// <summary>A parser over <paramref name="stream"/> from its current position, persistent when it can seek.</summary>
    public static MimeParser Rent(Stream stream)
    {
        if (!Idle.TryDequeue(out var parser)) return new MimeParser(StoredMessageParserOptions.Create(), stream, persistent: stream.CanSeek);
        Interlocked.Decrement(ref _idleCount);
        var options = parser.Options;
        parser.SetStream(stream, MimeFormat.Default, persistent: stream.CanSeek);
        parser.Options = options;
        return parser;
    }

    /// <summary>Takes back a parser whose message has been parsed; the entities it made stay valid.</summary>
    public static void Return(MimeParser parser)
    {
        var options = parser.Options;
        parser.SetStream(Stream.Null, MimeFormat.Default, persistent: false);
        parser.Options = options;
        if (Interlocked.Increment(ref _idleCount) > Capacity)
        {
            Interlocked.Decrement(ref _idleCount);
            return;
        }

        Idle.Enqueue(parser);
    }
}
