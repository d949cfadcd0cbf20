using System.Buffers.Binary;
using System.Text;
using Eas.Wire.Http;

namespace Eas.Wire.Tests.Http;

/// <summary>
/// Writes a base64-encoded query value field by field, as MS-ASHTTP 2.2.1.1.1.1 lays it out, so tests
/// state the bytes they send instead of pasting opaque base64.
/// </summary>
internal sealed class Base64QueryBuilder
{
    private readonly List<byte> _bytes = [];

    public static Base64QueryBuilder Start(byte protocolVersion, byte commandCode, ushort locale)
    {
        var builder = new Base64QueryBuilder();
        builder._bytes.Add(protocolVersion);
        builder._bytes.Add(commandCode);
        Span<byte> le = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(le, locale);
        builder._bytes.AddRange(le.ToArray());
        return builder;
    }

    public static Base64QueryBuilder Start(ProtocolVersion version, EasCommand command, ushort locale = 0x0409) =>
        Start(version.ToByte(), command.ToCode(), locale);

    /// <summary>Device ID length, then the bytes.</summary>
    public Base64QueryBuilder DeviceId(byte[] id)
    {
        _bytes.Add((byte)id.Length);
        _bytes.AddRange(id);
        return this;
    }

    public Base64QueryBuilder DeviceId(string id) => DeviceId(Encoding.ASCII.GetBytes(id));

    /// <summary>Policy key length 4 and the key little-endian, or length 0 when null.</summary>
    public Base64QueryBuilder PolicyKey(uint? key)
    {
        if (key is null)
        {
            _bytes.Add(0);
            return this;
        }

        _bytes.Add(4);
        Span<byte> le = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(le, key.Value);
        _bytes.AddRange(le.ToArray());
        return this;
    }

    public Base64QueryBuilder DeviceType(string type)
    {
        var bytes = Encoding.UTF8.GetBytes(type);
        _bytes.Add((byte)bytes.Length);
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>An encoded parameter: tag, length, value (MS-ASHTTP 2.2.1.1.1.1.1).</summary>
    public Base64QueryBuilder Parameter(byte tag, byte[] value)
    {
        _bytes.Add(tag);
        _bytes.Add((byte)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public Base64QueryBuilder Parameter(EasCommandParameter tag, string value) =>
        Parameter((byte)tag, Encoding.UTF8.GetBytes(value));

    public Base64QueryBuilder Options(EasCommandOptions options) =>
        Parameter((byte)EasCommandParameter.Options, [(byte)options]);

    /// <summary>Appends raw bytes, for malformed sequences.</summary>
    public Base64QueryBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToBytes() => [.. _bytes];

    public string Build() => Convert.ToBase64String(ToBytes());
}
