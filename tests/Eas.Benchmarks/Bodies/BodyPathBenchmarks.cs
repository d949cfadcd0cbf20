using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Reading;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Benchmarks.Bodies;

/// <summary>
/// One message as an initial Sync handles it: read from its fetch buffer into an item (MIME parse, envelope, bodies
/// decoded to what the phone asked for) and encoded as ApplicationData into a reused buffer. The Allocated column is
/// bytes per item; the body path's share is a message's row minus the "empty" row (same headers, empty body). It uses
/// only API that the string-based body path had too, so the same file measures both (before and after in one run).
/// </summary>
[Config(typeof(BodyPathConfig))]
public class BodyPathBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private byte[] _message = [];
    private EmailEncodingOptions _options = null!;
    private EmailContentRequest _content = null!;

    /// <summary>The message: plain 4 KB UTF-8, HTML 20 KB (with its 6 KB plain alternative, quoted-printable), ISO-8859-1 quoted-printable, base64 UTF-8, and an empty body.</summary>
    [Params("plain-4k", "html-20k", "latin1-qp-4k", "utf8-base64-4k", "empty")]
    public string Message { get; set; } = "plain-4k";

    /// <summary>What the phone asked: plain text cut at 5,120 bytes (type 1), or the whole HTML (type 2), both 14.1.</summary>
    [Params("type1-5120", "type2-whole")]
    public string Request { get; set; } = "type2-whole";

    [GlobalSetup]
    public void Setup()
    {
        _message = BodyPathMessages.Get(Message);
        var preference = Request == "type1-5120"
            ? new BodyPreference(BodyType.PlainText) { TruncationSize = 5120 }
            : new BodyPreference(BodyType.Html);
        _options = new EmailEncodingOptions(ProtocolVersion.V141, HtmlToText.Convert) { BodyPreferences = ImmutableArray.Create(preference) };
        _content = new EmailContentRequest(preference.TruncationSize, WantHtml: preference.Type == BodyType.Html, WantMime: false);
    }

    [Benchmark]
    public async Task<int> ReadAndEncode()
    {
        var item = await StoredMessageReader.ReadAsync(new MemoryStream(_message, writable: false), [], BodyPathMessages.Received, _content, CancellationToken.None);
        _output.ResetWrittenCount();
        var writer = new WbxmlWriter(_output);
        writer.WriteElement(EmailApplicationData.Build(item, _options));
        writer.Finish();
        return _output.WrittenCount;
    }

    /// <summary>A short in-process run: allocations per operation are exact whatever the machine's load; times are indicative.</summary>
    private sealed class BodyPathConfig : ManualConfig
    {
        public BodyPathConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}

/// <summary>The realistic messages of <see cref="BodyPathBenchmarks"/>.</summary>
internal static class BodyPathMessages
{
    public static readonly DateTimeOffset Received = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private const string Header =
        "From: Björn Example <bjorn@example.com>\r\nTo: Anna <anna@example.org>\r\nSubject: Quarterly figures\r\n"
        + "Date: Sun, 6 Dec 2026 10:00:00 +0000\r\nMessage-ID: <bench@example.com>\r\nMIME-Version: 1.0\r\n";

    private static readonly string Paragraph =
        "Hello Anna, the quarterly numbers are in: revenue grew by 4.2% over the last quarter, and the Grüße from the "
        + "Zürich office are attached below. Please review the figures before Thursday's call; café at 10:00.\r\n";

    public static byte[] Get(string name) => name switch
    {
        "plain-4k" => Leaf("text/plain; charset=utf-8", "8bit", Encoding.UTF8.GetBytes(Text(4096))),
        "html-20k" => Alternative(),
        "latin1-qp-4k" => Leaf("text/plain; charset=iso-8859-1", "quoted-printable", QuotedPrintable(Encoding.Latin1.GetBytes(Text(4096)))),
        "utf8-base64-4k" => Leaf("text/plain; charset=utf-8", "base64", Base64(Encoding.UTF8.GetBytes(Text(4096)))),
        "empty" => Leaf("text/plain; charset=utf-8", "7bit", []),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown message."),
    };

    private static string Text(int chars)
    {
        var builder = new StringBuilder(chars + Paragraph.Length);
        while (builder.Length < chars) builder.Append(Paragraph);
        return builder.ToString(0, chars);
    }

    private static string Html(int chars)
    {
        var builder = new StringBuilder("<html><head><style>p { font-family: Arial; }</style></head><body>");
        while (builder.Length < chars - 20)
            builder.Append("<div class=\"row\"><p style=\"margin:0\">").Append(Paragraph.Replace("\r\n", "", StringComparison.Ordinal)).Append("</p><br></div>\r\n");
        return builder.Append("</body></html>").ToString();
    }

    private static byte[] Leaf(string type, string encoding, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"{Header}Content-Type: {type}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"), .. body];

    private static byte[] Alternative() =>
    [
        .. Encoding.ASCII.GetBytes($"{Header}Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n"),
        .. Encoding.ASCII.GetBytes("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"),
        .. QuotedPrintable(Encoding.UTF8.GetBytes(Text(6 * 1024))),
        .. Encoding.ASCII.GetBytes("\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"),
        .. QuotedPrintable(Encoding.UTF8.GetBytes(Html(20 * 1024))),
        .. Encoding.ASCII.GetBytes("\r\n--alt--\r\n"),
    ];

    private static byte[] QuotedPrintable(byte[] data)
    {
        var encoder = new MimeKit.Encodings.QuotedPrintableEncoder();
        var output = new byte[encoder.EstimateOutputLength(data.Length) + 64];
        return output[..encoder.Flush(data, 0, data.Length, output)];
    }

    private static byte[] Base64(byte[] data) => Encoding.ASCII.GetBytes(Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks) + "\r\n");
}
