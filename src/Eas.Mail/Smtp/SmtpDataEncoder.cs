using System.Buffers;

namespace Eas.Mail.Smtp;

/// <summary>
/// Turns message octets into the DATA stream of RFC 5321 section 4.1.1.4, chunk by chunk with its state
/// carried across chunks: every line ends in CRLF (a bare LF or a bare CR becomes CRLF, since section 2.3.8
/// forbids them on the wire), a line that starts with "." gets a second one (transparency, section 4.5.2), and
/// <see cref="Finish"/> ends the last line if it was open and adds the terminating ".". Other octets, 8-bit ones
/// included, pass unchanged.
/// </summary>
internal sealed class SmtpDataEncoder
{
    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    private bool _atLineStart = true;
    private bool _pendingCr;

    public void Encode(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        while (!input.IsEmpty)
        {
            if (_pendingCr)
            {
                _pendingCr = false;
                output.Write(LineEnd);
                _atLineStart = true;
                if (input[0] == '\n')
                {
                    input = input[1..];
                    continue;
                }
            }

            if (_atLineStart && input[0] == '.') output.Write("."u8);
            var end = input.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                output.Write(input);
                _atLineStart = false;
                return;
            }

            output.Write(input[..end]);
            if (input[end] == '\r')
            {
                _pendingCr = true;
            }
            else
            {
                output.Write(LineEnd);
                _atLineStart = true;
            }

            input = input[(end + 1)..];
        }
    }

    /// <summary>Closes an open last line and writes the end-of-data indicator <c>.CRLF</c>.</summary>
    public void Finish(IBufferWriter<byte> output)
    {
        if (_pendingCr || !_atLineStart) output.Write(LineEnd);
        _pendingCr = false;
        _atLineStart = true;
        output.Write(".\r\n"u8);
    }
}
