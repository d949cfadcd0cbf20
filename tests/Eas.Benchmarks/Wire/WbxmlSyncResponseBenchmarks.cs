using System.Buffers;
using BenchmarkDotNet.Attributes;
using Eas.Wire.Wbxml;

namespace Eas.Benchmarks.Wire;

/// <summary>
/// Decode and encode of a Sync response carrying 100 emails (<see cref="SyncResponseFixture"/>). The
/// goals (decode at least 200 MB/s on one core, at most one allocation per element) are read from the
/// MB/s and B/element columns; see <see cref="WbxmlThroughputConfig"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WbxmlThroughputConfig))]
public class WbxmlSyncResponseBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(SyncResponseFixture.Document.Length + 1024);
    private ReadOnlyMemory<byte> _document;
    private SyncResponseModel _model = null!;
    private WbxmlElement _tree = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = SyncResponseFixture.Document;
        _model = SyncResponseFixture.Model;
        _tree = SyncResponseFixture.Tree;
        if (!WbxmlWriter.Encode(_tree).AsSpan().SequenceEqual(_document.Span))
            throw new InvalidOperationException("The composed tree and the streamed model encode differently; the benchmarks would not compare like with like.");
    }

    /// <summary>The element tree, as a command handler receives a request.</summary>
    [Benchmark]
    public WbxmlElement Decode() => WbxmlDocument.Parse(_document);

    /// <summary>The pull reader alone: what a handler reading its request without a tree would pay.</summary>
    [Benchmark]
    public long DecodeReaderOnly()
    {
        var reader = new WbxmlReader(_document);
        long checksum = 0;
        while (reader.Read())
            checksum += reader.NodeType is WbxmlNodeType.Text or WbxmlNodeType.Opaque ? reader.Value.Length : reader.Tag;
        return checksum;
    }

    /// <summary>The streaming writer from the model into a buffer reused across calls, as a response is written.</summary>
    [Benchmark]
    public int Encode()
    {
        _output.ResetWrittenCount();
        var writer = new WbxmlWriter(_output);
        SyncResponseFixture.Write(writer, _model);
        writer.Finish();
        return _output.WrittenCount;
    }

    /// <summary><see cref="WbxmlWriter.Encode"/> of a prebuilt tree, which returns a fresh array.</summary>
    [Benchmark]
    public byte[] EncodeTree() => WbxmlWriter.Encode(_tree);
}
