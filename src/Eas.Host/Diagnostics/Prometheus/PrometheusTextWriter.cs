using System.Buffers;
using System.Globalization;
using System.Text;

namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>
/// Writes the Prometheus text exposition format, version 0.0.4, as UTF-8. Names and label texts arrive pre-rendered
/// (<see cref="Header"/>, <see cref="LabelText"/>), so a scrape only copies bytes and formats numbers.
/// </summary>
/// <remarks>
/// The format's escapes: in label values a backslash, a double quote and a line feed are written <c>\\</c>,
/// <c>\"</c> and <c>\n</c>; in HELP text a backslash and a line feed. Values are Go floats: <c>+Inf</c>, <c>-Inf</c>,
/// <c>NaN</c>, or the shortest decimal that reads back as the same double.
/// </remarks>
internal sealed class PrometheusTextWriter(IBufferWriter<byte> output)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The <c># HELP</c> (left out without a description) and <c># TYPE</c> lines of a family.</summary>
    public static byte[] Header(string name, string? help, string type)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(help)) text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Label pairs, already in their final order, as <c>a="x",b="y"</c>.</summary>
    public static string LabelText(IEnumerable<KeyValuePair<string, string>> labels) =>
        string.Join(',', labels.Select(label => $"{label.Key}=\"{EscapeLabelValue(label.Value)}\""));

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    public static string EscapeHelp(string help) =>
        help.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    /// <summary>A number as the format writes it; also used for <c>le</c> label values.</summary>
    public static string FormatDouble(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString(CultureInfo.InvariantCulture);

    public void Write(ReadOnlySpan<byte> bytes) => output.Write(bytes);

    /// <summary>One sample line: <c>name{labels,extra} value</c>, braces left out when there are no labels.</summary>
    public void Sample(ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extra, long value)
    {
        Start(name, labels, extra);
        var span = output.GetSpan(24);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        span[written++] = (byte)'\n';
        output.Advance(written);
    }

    /// <inheritdoc cref="Sample(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/>
    public void Sample(ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extra, double value)
    {
        Start(name, labels, extra);
        var span = output.GetSpan(40);
        int written;
        if (double.IsFinite(value)) value.TryFormat(span, out written, default, CultureInfo.InvariantCulture);
        else written = Encoding.ASCII.GetBytes(FormatDouble(value), span);
        span[written++] = (byte)'\n';
        output.Advance(written);
    }

    private void Start(ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extra)
    {
        output.Write(name);
        if (labels.IsEmpty && extra.IsEmpty)
        {
            output.Write(" "u8);
            return;
        }

        output.Write("{"u8);
        output.Write(labels);
        if (!labels.IsEmpty && !extra.IsEmpty) output.Write(","u8);
        output.Write(extra);
        output.Write("} "u8);
    }
}
