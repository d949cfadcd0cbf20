using System.Buffers;
using System.Buffers.Text;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// Base64 (RFC 2045 section 6.8) in lines of 76 characters, each 57 input bytes, separated by CRLF. The last line
/// has no line break of its own: the delimiter or the end of the message that follows supplies it.
/// </summary>
internal sealed class Base64LineEncoder(IBufferWriter<byte> output) : ITransferEncoder
{
    private const int BytesPerLine = 57;
    private const int CharsPerLine = 76;

    private readonly byte[] _line = new byte[BytesPerLine];
    private int _filled;
    private bool _wroteLine;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(BytesPerLine - _filled, bytes.Length);
            bytes[..take].CopyTo(_line.AsSpan(_filled));
            _filled += take;
            bytes = bytes[take..];
            if (_filled == BytesPerLine) EmitLine();
        }
    }

    public void Complete()
    {
        if (_filled > 0) EmitLine();
    }

    private void EmitLine()
    {
        var span = output.GetSpan(CharsPerLine + 2);
        var start = 0;
        if (_wroteLine)
        {
            "\r\n"u8.CopyTo(span);
            start = 2;
        }

        Base64.EncodeToUtf8(_line.AsSpan(0, _filled), span[start..], out _, out var written);
        output.Advance(start + written);
        _filled = 0;
        _wroteLine = true;
    }
}
