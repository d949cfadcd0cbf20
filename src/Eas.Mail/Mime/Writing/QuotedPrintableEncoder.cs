using System.Buffers;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// Quoted-printable (RFC 2045 section 6.7) for text whose line breaks are CRLF: a CRLF is a hard line break,
/// "=", controls and 8-bit bytes are "=XX", a blank before a line break is encoded (rule 3), and lines are cut
/// with a soft break so that none is longer than 76 characters (rule 5). A "-" or "." that would start a line is
/// encoded as well, so no encoded line can be a boundary delimiter (RFC 2046 section 5.1.1) or an SMTP end of
/// data; RFC 2045 section 6.7 names the "-" case. The output never contains "=_", which the writer's boundaries
/// start with.
/// </summary>
internal sealed class QuotedPrintableEncoder(IBufferWriter<byte> output) : ITransferEncoder
{
    /// <summary>Characters before the soft break's "=" (rule 5: at most 76 with it).</summary>
    private const int MaxColumn = 75;

    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    private int _column;
    private bool _pendingCr;
    private int _pendingBlank = -1;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (_pendingCr)
            {
                _pendingCr = false;
                if (b == '\n')
                {
                    HardBreak();
                    continue;
                }

                Emit((byte)'\r', encode: true);
            }

            if (b == '\r')
            {
                _pendingCr = true;
                continue;
            }

            if (b == '\n')
            {
                HardBreak();
                continue;
            }

            FlushBlank(encode: false);
            if (b is (byte)' ' or (byte)'\t') _pendingBlank = b;
            else Emit(b, encode: b is (byte)'=' or < 33 or > 126);
        }
    }

    public void Complete()
    {
        if (_pendingCr)
        {
            _pendingCr = false;
            Emit((byte)'\r', encode: true);
        }

        FlushBlank(encode: true);
    }

    private void HardBreak()
    {
        FlushBlank(encode: true);
        Put("\r\n"u8);
        _column = 0;
    }

    private void FlushBlank(bool encode)
    {
        if (_pendingBlank < 0) return;
        var blank = (byte)_pendingBlank;
        _pendingBlank = -1;
        Emit(blank, encode);
    }

    private void Emit(byte b, bool encode)
    {
        if (_column + (encode ? 3 : 1) > MaxColumn)
        {
            Put("=\r\n"u8);
            _column = 0;
        }

        encode |= _column == 0 && b is (byte)'-' or (byte)'.';
        if (encode) Put([(byte)'=', Hex[b >> 4], Hex[b & 15]]);
        else Put([b]);
        _column += encode ? 3 : 1;
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
