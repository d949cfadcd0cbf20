using System.Buffers.Binary;
using System.Text;
using Eas.Wire.Http;

namespace Eas.Fuzz;

/// <summary>
/// A request line as the host hands it to <see cref="EasRequestLineParser"/>: the raw query and the
/// headers. For the base64 form, <see cref="Token"/> holds the decoded byte sequence, so the fuzzer can
/// mutate the fields (lengths, codes, tags) and encode the result again instead of only breaking the base64.
/// </summary>
internal sealed record RequestLineSeed(string Name, string Query, IReadOnlyDictionary<string, string?> Headers, byte[]? Token = null);

/// <summary>
/// Request lines shaped like those of real clients, in both forms of MS-ASHTTP 2.2.1.1.1: the plain
/// <c>Cmd=…&amp;User=…&amp;DeviceId=…&amp;DeviceType=…</c> form (iOS, Android, Outlook) and base64 tokens
/// (Windows Phone and Outlook era clients), including the specification's own example.
/// </summary>
internal static class RequestLineSeeds
{
    /// <summary>The example of MS-ASHTTP 2.2.1.1.1.1: version 14.0, Sync, locale 0x0409, device v140Device, type SmartPhone.</summary>
    public const string SpecExampleToken = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l";

    public static IReadOnlyList<RequestLineSeed> All { get; } = Build();

    private static List<RequestLineSeed> Build()
    {
        var iosHeaders = Headers(("MS-ASProtocolVersion", "16.1"), ("X-MS-PolicyKey", "3942919513"), ("User-Agent", "Apple-iPhone15C2/2104.123"));
        var androidHeaders = Headers(("MS-ASProtocolVersion", "14.1"), ("X-MS-PolicyKey", "1123581321"), ("User-Agent", "Android-Mail/2024.01.07"));
        var outlookHeaders = Headers(("MS-ASProtocolVersion", "16.0"), ("User-Agent", "Outlook-iOS-Android/1.0"), ("MS-ASAcceptMultiPart", "T"));
        var oldHeaders = Headers(("MS-ASProtocolVersion", "2.5"), ("User-Agent", "MSFT-PPC/5.2.5082"));
        var noHeaders = Headers();
        var firstProvision = Headers(("MS-ASProtocolVersion", "14.1"), ("X-MS-PolicyKey", "0"));

        List<RequestLineSeed> seeds =
        [
            new("plain Sync", "Cmd=Sync&User=alice&DeviceId=ApplF17XK2LMN8QP&DeviceType=iPhone", iosHeaders),
            new("plain FolderSync with ?", "?Cmd=FolderSync&User=CONTOSO%5Calice&DeviceId=v140Device&DeviceType=SmartPhone", androidHeaders),
            new("plain Ping, Cmd last", "User=alice%40contoso.com&DeviceId=androidc1288465843&DeviceType=Android&Cmd=Ping", androidHeaders),
            new("plain SendMail", "Cmd=SendMail&User=alice%40contoso.com&DeviceId=6F24CAD599A5BF1A690246B8C68FAE8D&DeviceType=WindowsMail&SaveInSent=T", outlookHeaders),
            new("plain SmartReply", "Cmd=SmartReply&User=alice&DeviceId=ApplF17XK2LMN8QP&DeviceType=iPhone&ItemId=5%3A12&CollectionId=5&SaveInSent=T", iosHeaders),
            new("plain SmartForward", "Cmd=SmartForward&User=alice&DeviceId=SEC1A2B3C4D5E6F7&DeviceType=SAMSUNGSMG991B&LongId=RgAAAAD8kQ%2BoAAAA&Occurrence=2024-03-15T14%3A00%3A00.000Z&SaveInSent=F", androidHeaders),
            new("plain GetAttachment", "Cmd=GetAttachment&User=alice&DeviceId=PPC0123456789&DeviceType=PocketPC&AttachmentName=5%3A12%3A0", oldHeaders),
            new("plain ItemOperations", "Cmd=ItemOperations&User=bob&DeviceId=OLK88D3A0F2B1&DeviceType=Outlook+Mobile", outlookHeaders),
            new("plain Provision", "Cmd=Provision&User=alice&DeviceId=ApplF17XK2LMN8QP&DeviceType=iPhone", firstProvision),
            new("plain lower case", "cmd=settings&user=alice&deviceid=ABC123&devicetype=iPad", iosHeaders),
            new("plain old CollectionName", "Cmd=FolderCreate&User=alice&DeviceId=PPC0123456789&DeviceType=PocketPC&CollectionName=Inbox&ParentId=0", oldHeaders),
        ];

        var guid = Convert.FromHexString("6F24CAD599A5BF1A690246B8C68FAE8D");
        (string Name, byte[] Token, IReadOnlyDictionary<string, string?> Headers)[] tokens =
        [
            ("base64 spec example", Convert.FromBase64String(SpecExampleToken), noHeaders),
            ("base64 Sync GUID device", Token(141, EasCommand.Sync, 0x0409, guid, 3942919513, "WP8", (EasCommandParameter.User, "alice")), noHeaders),
            ("base64 SmartReply", Token(161, EasCommand.SmartReply, 0x0407, "SEC1A2B3C4D5"u8.ToArray(), 1123581321, "SAMSUNGSMG991B",
                (EasCommandParameter.ItemId, "5:12"), (EasCommandParameter.CollectionId, "5"), (EasCommandParameter.User, "CONTOSO\\alice")), noHeaders),
            ("base64 SendMail options", Token(140, EasCommand.SendMail, 0x0409, "v140Device"u8.ToArray(), null, "SmartPhone"), noHeaders),
            ("base64 GetAttachment", Token(121, EasCommand.GetAttachment, 0x0809, "PPC0123456789"u8.ToArray(), 77, "PocketPC",
                (EasCommandParameter.AttachmentName, "5:12:0")), noHeaders),
            ("base64 ItemOperations multipart", Token(141, EasCommand.ItemOperations, 0x0411, guid, 5, "WindowsOutlook15", (EasCommandParameter.Options, "\u0002")),
                Headers(("X-MS-PolicyKey", "5"), ("MS-ASAcceptMultiPart", "T"))),
            ("base64 SmartForward occurrence", Token(160, EasCommand.SmartForward, 0x040C, guid, 9, "iPhone",
                (EasCommandParameter.LongId, "RgAAAAD8kQ+oAAAA"), (EasCommandParameter.Occurrence, "2024-03-15T14:00:00.000Z"), (EasCommandParameter.Options, "\u0001")), noHeaders),
            ("base64 Provision without key", Token(141, EasCommand.Provision, 0x0409, guid, null, "WP8"), Headers(("X-MS-PolicyKey", "0"))),
        ];

        foreach (var (name, token, headers) in tokens)
        {
            seeds.Add(new(name, Base64Text.Encode(token, Base64Style.Standard), headers, token));
            seeds.Add(new(name + " (url-safe, unpadded)", Base64Text.Encode(token, Base64Style.UrlSafeUnpadded), headers, token));
            seeds.Add(new(name + " (percent-encoded)", Base64Text.Encode(token, Base64Style.PercentEncoded), headers, token));
        }

        return seeds;
    }

    /// <summary>Writes the byte sequence of MS-ASHTTP 2.2.1.1.1.1; the Options value is the one byte of its string.</summary>
    private static byte[] Token(byte version, EasCommand command, ushort locale, byte[] deviceId, uint? policyKey, string deviceType,
        params (EasCommandParameter Tag, string Value)[] parameters)
    {
        var bytes = new List<byte> { version, command.ToCode(), (byte)locale, (byte)(locale >> 8), (byte)deviceId.Length };
        bytes.AddRange(deviceId);
        if (policyKey is { } key)
        {
            var keyBytes = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(keyBytes, key);
            bytes.Add(4);
            bytes.AddRange(keyBytes);
        }
        else
        {
            bytes.Add(0);
        }

        var type = Encoding.UTF8.GetBytes(deviceType);
        bytes.Add((byte)type.Length);
        bytes.AddRange(type);
        foreach (var (tag, value) in parameters)
        {
            var valueBytes = tag == EasCommandParameter.Options ? [(byte)value[0]] : Encoding.UTF8.GetBytes(value);
            bytes.Add((byte)tag);
            bytes.Add((byte)valueBytes.Length);
            bytes.AddRange(valueBytes);
        }

        return [.. bytes];
    }

    private static Dictionary<string, string?> Headers(params (string Name, string? Value)[] headers)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers) map[name] = value;
        return map;
    }
}

/// <summary>The spellings of a base64 query value that clients and proxies produce.</summary>
internal enum Base64Style
{
    Standard,
    UrlSafeUnpadded,
    PercentEncoded,
    SpacesForPlus,
}

internal static class Base64Text
{
    public static string Encode(ReadOnlySpan<byte> bytes, Base64Style style)
    {
        var text = Convert.ToBase64String(bytes);
        return style switch
        {
            Base64Style.UrlSafeUnpadded => text.TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            Base64Style.PercentEncoded => text.Replace("+", "%2B", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal),
            Base64Style.SpacesForPlus => text.Replace('+', ' '),
            _ => text,
        };
    }
}
