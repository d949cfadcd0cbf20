using Eas.Actors.Mailboxes.Imap;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>The pooled message buffer reads, writes, seeks and sizes as a <see cref="MemoryStream"/> does, and is unusable once disposed.</summary>
public sealed class PooledMemoryStreamTests
{
    [Fact]
    public void Random_writes_seeks_reads_and_lengths_give_what_a_memory_stream_gives()
    {
        var random = new Random(31337);
        for (var run = 0; run < 200; run++)
        {
            using var pooled = new PooledMemoryStream(random.Next(0, 600));
            using var expected = new MemoryStream(random.Next(0, 600));
            for (var step = 0; step < 40; step++)
            {
                switch (random.Next(6))
                {
                    case 0:
                    case 1:
                        var bytes = new byte[random.Next(0, 900)];
                        random.NextBytes(bytes);
                        pooled.Write(bytes);
                        expected.Write(bytes);
                        break;
                    case 2:
                        var position = random.Next(0, (int)expected.Length + 300);
                        pooled.Position = position;
                        expected.Position = position;
                        break;
                    case 3:
                        var length = random.Next(0, (int)expected.Length + 300);
                        pooled.SetLength(length);
                        expected.SetLength(length);
                        break;
                    case 4:
                        pooled.WriteByte((byte)step);
                        expected.WriteByte((byte)step);
                        break;
                    default:
                        var count = random.Next(0, 700);
                        var (read, want) = (new byte[count], new byte[count]);
                        pooled.Read(read).ShouldBe(expected.Read(want), $"run {run} step {step}");
                        read.ShouldBe(want, $"run {run} step {step}");
                        break;
                }

                pooled.Length.ShouldBe(expected.Length, $"run {run} step {step}");
                pooled.Position.ShouldBe(expected.Position, $"run {run} step {step}");
            }

            pooled.Position = expected.Position = 0;
            var all = new byte[pooled.Length];
            pooled.ReadExactly(all);
            all.ShouldBe(expected.ToArray(), $"run {run}");
        }
    }

    [Fact]
    public async Task Once_disposed_it_cannot_be_read_so_no_one_sees_the_next_message_in_its_array()
    {
        var stream = new PooledMemoryStream(16);
        await stream.WriteAsync(new byte[] { 1, 2, 3 });
        stream.Position = 0;
        (await stream.ReadAsync(new byte[3])).ShouldBe(3);

        await stream.DisposeAsync();

        stream.CanRead.ShouldBeFalse();
        Should.Throw<ObjectDisposedException>(() => stream.Read(new byte[1]));
        Should.Throw<ObjectDisposedException>(() => stream.Position = 0);
        Should.Throw<ObjectDisposedException>(() => _ = stream.Length);
    }
}
