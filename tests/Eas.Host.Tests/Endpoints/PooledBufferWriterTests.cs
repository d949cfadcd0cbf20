using Eas.Host.Endpoints;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Host.Tests.Endpoints;

/// <summary>The chunked response buffer gives back exactly the bytes written, across chunk borders and large spans.</summary>
public sealed class PooledBufferWriterTests
{
    [Fact]
    public async Task Bytes_written_across_chunks_and_in_spans_larger_than_a_chunk_come_back_in_order()
    {
        var expected = new List<byte>();
        using var buffer = new PooledBufferWriter();
        var random = new Random(7);
        foreach (var size in new[] { 1, 100, PooledBufferWriter.ChunkSize - 50, 200, 3 * PooledBufferWriter.ChunkSize, 17, PooledBufferWriter.ChunkSize })
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            var span = buffer.GetSpan(size);
            span.Length.ShouldBeGreaterThanOrEqualTo(size);
            bytes.CopyTo(span);
            buffer.Advance(size);
            expected.AddRange(bytes);
        }

        buffer.WrittenCount.ShouldBe(expected.Count);
        buffer.WrittenChunks.SelectMany(chunk => chunk.ToArray()).ShouldBe(expected);
        using var output = new MemoryStream();
        await buffer.WriteToAsync(output);
        output.ToArray().ShouldBe(expected);
    }

    [Fact]
    public void A_document_written_through_it_is_the_one_an_array_writer_gets()
    {
        var element = new WbxmlElement(AirSync.Sync);
        for (var i = 0; i < 300; i++) element.Add(WbxmlElement.WithText(AirSync.ServerId, new string((char)('a' + (i % 26)), 500 + i)));

        using var buffer = new PooledBufferWriter();
        var writer = new WbxmlWriter(buffer);
        writer.WriteElement(element);
        writer.Finish();

        buffer.WrittenChunks.Count().ShouldBeGreaterThan(1);
        buffer.WrittenChunks.SelectMany(chunk => chunk.ToArray()).ShouldBe(WbxmlWriter.Encode(element));
    }

    [Fact]
    public void Advancing_past_the_span_is_refused()
    {
        using var buffer = new PooledBufferWriter();
        var length = buffer.GetSpan(10).Length;

        Should.Throw<InvalidOperationException>(() => buffer.Advance(length + 1));
    }
}
