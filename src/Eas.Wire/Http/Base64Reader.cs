namespace Eas.Wire.Http;

/// <summary>Reads the byte sequence front to back, failing with the field name and offset when it runs out.</summary>
internal ref struct Base64Reader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _offset;

    public readonly bool AtEnd => _offset == _bytes.Length;

    public byte Byte(string field) => Bytes(1, field)[0];

    public ReadOnlySpan<byte> Bytes(int count, string field)
    {
        if (count > _bytes.Length - _offset)
            throw RequestValues.Error(EasRequestErrorReason.TruncatedBase64, field,
                $"Base64 query: the {field} field ({count} bytes at offset {_offset}) runs past the end of the {_bytes.Length}-byte sequence.");
        var slice = _bytes.Slice(_offset, count);
        _offset += count;
        return slice;
    }
}
