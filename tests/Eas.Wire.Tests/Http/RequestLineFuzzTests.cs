using Eas.Wire.Http;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Wire.Tests.Http;

/// <summary>
/// Whatever arrives, the parser answers with a request line or an <see cref="EasRequestException"/>;
/// any other exception fails the property and FsCheck shrinks it to a small input.
/// </summary>
public class RequestLineFuzzTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(3000);

    private static readonly string[] Fragments =
    [
        "Cmd=", "Sync", "Ping", "&", "=", "User=", "DeviceId=", "A1", "DeviceType=", "T", "SaveInSent=", "ItemId=",
        "%", "%2", "%25", "%C3%A9", "%00", "%FF", "%ED%A0%80", "+", "/", "==", "?", "é", "\u0000", "\uD800", " ",
    ];

    [Fact]
    public void Random_strings_raise_only_EasRequestException()
    {
        var headers = Gen.Elements<string?>(null, "", "14.1", "2.5", "abc", " 0 ", "4294967296", "T", "\r\n");
        var input = ArbMap.Default.GeneratorFor<string>()
            .Zip(headers)
            .ToArbitrary();

        Check.One(Runs, Prop.ForAll(input, pair => ParsesOrRefuses(pair.Item1, pair.Item2)));
    }

    [Fact]
    public void Strings_of_query_fragments_raise_only_EasRequestException()
    {
        var input = Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

        Check.One(Runs, Prop.ForAll(input, query => ParsesOrRefuses(query, "14.1")));
    }

    [Fact]
    public void Random_bytes_base64_encoded_raise_only_EasRequestException()
    {
        var input = ArbMap.Default.GeneratorFor<byte[]>().Select(Convert.ToBase64String).ToArbitrary();

        Check.One(Runs, Prop.ForAll(input, query => ParsesOrRefuses(query, null)));
    }

    [Fact]
    public void Random_bytes_after_a_valid_prefix_raise_only_EasRequestException()
    {
        // A valid version and command make the parser go on to the variable-length fields.
        var prefix = Gen.Elements<byte>(121, 140, 141, 160, 161).Zip(Gen.Elements<byte>(0, 4, 18, 19, 23));
        var input = prefix.Zip(ArbMap.Default.GeneratorFor<byte[]>())
            .Select(t => Convert.ToBase64String([t.Item1.Item1, t.Item1.Item2, 9, 4, .. t.Item2]))
            .ToArbitrary();

        Check.One(Runs, Prop.ForAll(input, query => ParsesOrRefuses(query, null)));
    }

    [Fact]
    public void Parsed_lines_keep_their_invariants()
    {
        var input = Gen.Elements(Fragments).ListOf().Select(parts => "Cmd=Sync&DeviceType=T&DeviceId=" + string.Concat(parts)).ToArbitrary();

        Check.One(Runs, Prop.ForAll(input, query =>
        {
            try
            {
                var line = EasRequestLineParser.Parse(query, TestHeaders.Version("14.1"));
                return line.DeviceId.Length is >= 1 and <= 32 && line.DeviceId.All(char.IsAsciiLetterOrDigit);
            }
            catch (EasRequestException)
            {
                return true;
            }
        }));
    }

    private static bool ParsesOrRefuses(string? query, string? header)
    {
        var headers = TestHeaders.Of(
            ("MS-ASProtocolVersion", header), ("X-MS-PolicyKey", header), ("MS-ASAcceptMultiPart", header));
        try
        {
            EasRequestLineParser.Parse(query, headers);
        }
        catch (EasRequestException)
        {
        }

        return true;
    }
}
