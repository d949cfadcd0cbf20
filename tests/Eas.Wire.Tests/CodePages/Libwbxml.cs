using System.Diagnostics;
using System.Text;

namespace Eas.Wire.Tests.CodePages;

/// <summary>
/// Runs libwbxml's <c>xml2wbxml</c> (package libwbxml2-utils) as an independent encoder. The tool is required:
/// when it is missing the tests that use it fail and say how to install it, they never skip.
/// </summary>
internal static class Libwbxml
{
    private const string Tool = "xml2wbxml";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly Lazy<string> ToolPath = new(Find);

    /// <summary>The header <c>xml2wbxml -a -n</c> writes: WBXML 1.3, unknown public id, UTF-8, no string table.</summary>
    public static ReadOnlySpan<byte> AnonymousHeader => [0x03, 0x01, 0x6A, 0x00];

    public sealed record Result(int ExitCode, byte[] Wbxml, string Error)
    {
        public bool Succeeded => ExitCode == 0 && Wbxml.Length > 0;
    }

    /// <summary>
    /// An ActiveSync document with the given elements, all empty and each in its own namespace, nested under the
    /// first one (a document needs a single root). Namespaces take the trailing colon libwbxml expects.
    /// </summary>
    public static string Document(IReadOnlyList<(string Namespace, string Name)> elements)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE ActiveSync PUBLIC ")
            .Append("\"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">");
        var (rootNs, root) = elements[0];
        xml.Append('<').Append(root).Append(" xmlns=\"").Append(rootNs).Append(":\"");
        if (elements.Count == 1) return xml.Append("/>").ToString();
        xml.Append('>');
        foreach (var (ns, name) in elements.Skip(1))
            xml.Append('<').Append(name).Append(" xmlns=\"").Append(ns).Append(":\"/>");
        return xml.Append("</").Append(root).Append('>').ToString();
    }

    /// <summary>Encodes with <c>xml2wbxml -a -n</c>: no public id, no string table, so unknown names fail.</summary>
    public static async Task<Result> EncodeAsync(string xml)
    {
        var start = new ProcessStartInfo(ToolPath.Value)
        {
            ArgumentList = { "-a", "-n", "-o", "-", "-" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        using var deadline = new CancellationTokenSource(Timeout);
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.StandardInput.WriteAsync(xml);
        process.StandardInput.Close();
        await process.WaitForExitAsync(deadline.Token);
        await reading;
        return new Result(process.ExitCode, output.ToArray(), (await error).Trim());
    }

    /// <summary>
    /// The tags of the elements in <c>xml2wbxml -a -n</c> output of empty elements, in document order, as
    /// <c>(page &lt;&lt; 8) | token</c> with the content bit cleared.
    /// </summary>
    public static List<ushort> Tags(byte[] wbxml)
    {
        if (!wbxml.AsSpan().StartsWith(AnonymousHeader))
            throw new InvalidDataException($"Unexpected xml2wbxml header: {Convert.ToHexString(wbxml)}");
        var tags = new List<ushort>();
        byte page = 0;
        for (var i = AnonymousHeader.Length; i < wbxml.Length; i++)
        {
            var b = wbxml[i];
            if (b == 0x00 && i + 1 < wbxml.Length) page = wbxml[++i];     // SWITCH_PAGE
            else if (b == 0x01) continue;                                // END
            else if ((b & 0x3F) >= 0x05 && (b & 0x80) == 0) tags.Add((ushort)(page << 8 | (b & 0x3F)));
            else throw new InvalidDataException($"Unexpected byte 0x{b:X2} at {i} in {Convert.ToHexString(wbxml)}");
        }
        return tags;
    }

    private static string Find()
    {
        var candidates = new[] { "/usr/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Select(dir => Path.Combine(dir, Tool));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{Tool} was not found in /usr/bin or on PATH. These tests check the code pages against libwbxml: " +
                "install it with 'apt-get install libwbxml2-utils' (test.sh installs it for CI).", Tool);
    }
}
