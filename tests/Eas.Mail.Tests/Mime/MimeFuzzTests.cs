using System.Text;
using Eas.Mail.Mime;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Mail.Tests.Mime;

/// <summary>
/// FsCheck properties: whatever bytes arrive (random, or a generated message with random damage), reading them
/// raises nothing but <see cref="MimeFormatException"/>, and the header parsers raise nothing at all. Any other
/// exception fails the property and FsCheck shrinks the list of mutations to a small one.
/// </summary>
public sealed class MimeFuzzTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1500);

    private static readonly MimeLimits Tight = new() { MaxDepth = 5, MaxParts = 40, MaxHeaderBytes = 2048 };

    private static readonly string[] Tokens =
    [
        "\r\n", "\n", "\r", "--", "--b", "--b--", "--b1", "--=_x y", ":", ";", "=", "\"", "\\", "=?", "?=", "=?utf-8?B?", "=?x?Q?=C3",
        "Content-Type: multipart/mixed; boundary=b\r\n", "Content-Type: message/rfc822\r\n\r\n", "Content-Transfer-Encoding: base64\r\n",
        "Content-Type: text/html\r\n\r\n<a href='", "&#x", "&amp", "<script>", "<!--", "*0*=utf-8''%", "\0", "\u00FF", "é", " \t ",
    ];

    [Fact]
    public void Random_bytes_raise_nothing_but_MimeFormatException()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ReadsOrRejects(bytes)).Check(Runs);
    }

    [Fact]
    public void Random_token_soup_raises_nothing_but_MimeFormatException()
    {
        var soup = Gen.ListOf(Gen.Elements(Tokens).Select(t => t))
            .Select(list => Encoding.UTF8.GetBytes("Content-Type: multipart/mixed; boundary=b\r\n\r\n" + string.Concat(list)));
        Prop.ForAll(soup.ToArbitrary(), bytes => ReadsOrRejects(bytes)).Check(Runs);
    }

    [Fact]
    public void Generated_and_mutated_messages_raise_nothing_but_MimeFormatException()
    {
        var mutation = from kind in Gen.Choose(0, 4)
                       from position in Gen.Choose(0, int.MaxValue)
                       from value in ArbMap.Default.GeneratorFor<byte>()
                       from length in Gen.Choose(1, 64)
                       select (kind, position, value, length);
        var cases = from seed in ArbMap.Default.GeneratorFor<int>()
                    from mutations in Gen.ListOf(mutation).Resize(6)
                    select (seed, mutations);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var bytes = MessageGenerator.Build(c.seed);
            foreach (var m in c.mutations) bytes = Mutate(bytes, m.kind, m.position, m.value, m.length);
            return ReadsOrRejects(bytes);
        }).Check(Runs);
    }

    [Fact]
    public void Header_parsers_raise_nothing_for_any_text()
    {
        var text = ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get)
            .Zip(Gen.ListOf(Gen.Elements(Tokens)))
            .Select(pair => pair.Item1 + string.Concat(pair.Item2));

        Prop.ForAll(text.ToArbitrary(), value =>
        {
            _ = MailAddress.ParseList(value);
            _ = MailAddress.FormatList(MailAddress.ParseList(value), encodeNonAscii: true);
            _ = MimeDate.Parse(value);
            _ = ContentType.Parse(value).ToString();
            _ = ContentDisposition.Parse(value)?.FileName;
            _ = EncodedWords.DecodeText(value);
            _ = EncodedWords.Encode(value);
            _ = MessageIds.Parse(value);
            _ = HtmlToText.Convert(value);
            _ = TextTruncation.Truncate(value, value.Length / 2);
            _ = MimeCharsets.Decode(Encoding.Latin1.GetBytes(value), value);
            return true;
        }).Check(Runs);
    }

    private static byte[] Mutate(byte[] bytes, int kind, int position, byte value, int length)
    {
        if (bytes.Length == 0) return [value];
        var at = position % bytes.Length;
        var list = bytes.ToList();
        switch (kind)
        {
            case 0:
                list[at] = value;
                break;
            case 1:
                list.RemoveRange(at, Math.Min(length, list.Count - at));
                break;
            case 2:
                list.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[value % Tokens.Length]));
                break;
            case 3:
                list.RemoveRange(at, list.Count - at);
                break;
            default:
                list.InsertRange(at, bytes.Skip((at + length) % bytes.Length).Take(length * 4));
                break;
        }

        return [.. list];
    }

    /// <summary>Reads the bytes every way sync would, with default and with tight limits.</summary>
    private static bool ReadsOrRejects(byte[] bytes)
    {
        foreach (var limits in new[] { MimeLimits.Default, Tight })
        {
            try
            {
                var options = new MessageBodyOptions { PlainTextLimit = 100, HtmlLimit = 200, Limits = limits };
                var extraction = MessageBodies.ExtractAsync(new TrickleStream(bytes, 7), options);
                extraction.IsCompleted.ShouldBeTrue();
                var summary = extraction.GetAwaiter().GetResult();
                _ = summary.Envelope;
                var read = new MimeReader(limits).ReadAsync(new MemoryStream(bytes), async (part, content, ct) =>
                {
                    using var reader = new StreamReader(content, MimeCharsets.GetEncoding(part.ContentType.Charset), leaveOpen: true);
                    _ = HtmlToText.Convert(await reader.ReadToEndAsync(ct));
                    _ = part.FileName;
                    _ = part.ContentId;
                });
                read.IsCompleted.ShouldBeTrue();
                var structure = read.GetAwaiter().GetResult();
                if (structure.Size != bytes.Length) return false;
            }
            catch (MimeFormatException)
            {
            }
        }

        return true;
    }
}
