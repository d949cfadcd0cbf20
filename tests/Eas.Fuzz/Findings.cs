using System.Text;

namespace Eas.Fuzz;

/// <summary>What the fuzzer found wrong: a crash (an exception other than the codec's own) or a broken invariant.</summary>
internal enum FindingKind
{
    Crash,
    Invariant,
    Hang,
}

/// <summary>
/// Records findings: counts every one, prints the first few with their input as hex, and saves one input
/// per distinct signature (kind, stage, exception type, throwing frame) under the crash folder as a
/// <c>.bin</c> with the bytes fed and a <c>.txt</c> with the exception and how to reproduce.
/// </summary>
internal sealed class Findings(string directory, int runSeed, int printLimit = 5, int saveLimit = 200)
{
    private readonly HashSet<string> _signatures = [];
    private readonly object _gate = new();
    private int _printed;

    public int Crashes { get; private set; }

    public int InvariantFailures { get; private set; }

    public int Saved { get; private set; }

    public string Directory => Path.GetFullPath(directory);

    /// <summary>Records a finding; <paramref name="text"/> is the input as the parser saw it, when that was a string.</summary>
    public void Record(FindingKind kind, string target, string stage, long index, byte[] input, string? text, string detail, Exception? exception)
    {
        lock (_gate)
        {
            if (kind == FindingKind.Invariant) InvariantFailures++;
            else Crashes++;

            var signature = exception is null
                ? $"{kind}|{target}|{stage}|{FirstLine(detail)}"
                : $"{kind}|{target}|{stage}|{exception.GetType().FullName}|{ThrowingFrame(exception)}";
            var isNew = _signatures.Add(signature);
            var print = _printed < printLimit;
            var save = isNew && Saved < saveLimit;
            if (!print && !save) return;
            var report = Describe(kind, target, stage, index, input, text, detail, exception);
            if (print)
            {
                _printed++;
                Console.WriteLine();
                Console.WriteLine(report.Length > 4000 ? report[..4000] + "…" : report);
            }

            if (save) Save(kind, target, input, report);
        }
    }

    private void Save(FindingKind kind, string target, byte[] input, string report)
    {
        System.IO.Directory.CreateDirectory(directory);
        var name = $"{kind.ToString().ToLowerInvariant()}-{target}-{Saved + 1:D3}";
        File.WriteAllBytes(Path.Combine(directory, name + ".bin"), input);
        File.WriteAllText(Path.Combine(directory, name + ".txt"), report);
        Saved++;
    }

    private string Describe(FindingKind kind, string target, string stage, long index, byte[] input, string? text, string detail, Exception? exception)
    {
        var report = new StringBuilder();
        var which = index < 0 ? "an unmutated seed" : $"input #{index} (run --seed {runSeed})";
        report.AppendLine($"=== {kind} in {target}, stage {stage}, {which} ===");
        report.AppendLine(detail);
        if (text is not null) report.AppendLine($"Input as text: \"{Escape(text)}\"");
        report.AppendLine($"Input, {input.Length} bytes:");
        report.Append(Hex.Dump(input));
        if (exception is not null) report.AppendLine(exception.ToString());
        return report.ToString();
    }

    private static string FirstLine(string text) => text.IndexOf('\n') is var end and >= 0 ? text[..end] : text;

    /// <summary>The first stack frame, enough to tell one bug from another without line numbers.</summary>
    private static string ThrowingFrame(Exception? exception)
    {
        var stack = exception?.StackTrace;
        if (stack is null) return string.Empty;
        var line = stack.AsSpan().TrimStart();
        var end = line.IndexOfAny('\n', '\r');
        if (end >= 0) line = line[..end];
        var source = line.IndexOf(" in ", StringComparison.Ordinal);
        return (source >= 0 ? line[..source] : line).ToString();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not '\\' and not '"') escaped.Append(c);
            else escaped.Append($"\\u{(int)c:X4}");
        }

        return escaped.ToString();
    }
}

internal static class Hex
{
    /// <summary>Offset, 16 bytes in hex, and their printable ASCII, one line each.</summary>
    public static string Dump(ReadOnlySpan<byte> bytes)
    {
        var dump = new StringBuilder(bytes.Length * 4 + 64);
        for (var offset = 0; offset < bytes.Length; offset += 16)
        {
            var line = bytes.Slice(offset, Math.Min(16, bytes.Length - offset));
            dump.Append($"{offset:X6}  ");
            for (var i = 0; i < 16; i++) dump.Append(i < line.Length ? $"{line[i]:X2} " : "   ");
            dump.Append(' ');
            foreach (var b in line) dump.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
            dump.AppendLine();
        }

        return dump.ToString();
    }
}
