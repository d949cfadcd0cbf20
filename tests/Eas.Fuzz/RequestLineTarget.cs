using System.Text;
using Eas.Wire.Http;

namespace Eas.Fuzz;

/// <summary>
/// Feeds one request line to <see cref="EasRequestLineParser.Parse(string?, Func{string, string?})"/>.
/// Contract: bad input raises <see cref="EasRequestException"/> and nothing else, and an accepted line
/// holds what <see cref="EasRequestLine"/> promises (a known command and version, a device id of 1-32
/// ASCII letters and digits, no empty strings, no control characters).
/// </summary>
internal sealed class RequestLineTarget(Findings findings)
{
    public long Inputs { get; private set; }

    public long Parsed { get; private set; }

    public long Rejected { get; private set; }

    public RejectionTally Reasons { get; } = new(maskNumbers: false);

    public void Run(long index, string query, IReadOnlyDictionary<string, string?> headers)
    {
        Inputs++;
        EasRequestLine line;
        try
        {
            line = EasRequestLineParser.Parse(query, name => headers.TryGetValue(name, out var value) ? value : null);
        }
        catch (EasRequestException e)
        {
            Rejected++;
            Reasons.Add(e.Reason.ToString());
            return;
        }
        catch (Exception e)
        {
            Record(FindingKind.Crash, index, query, headers, $"{e.GetType().Name}: {e.Message}", e);
            return;
        }

        Parsed++;
        if (Broken(line) is { } broken)
            Record(FindingKind.Invariant, index, query, headers, $"Accepted a request line that breaks its contract: {broken}\n{line}", null);
    }

    private static string? Broken(EasRequestLine line)
    {
        if (!Enum.IsDefined(line.Command)) return $"command {(int)line.Command} is not defined";
        if (!ProtocolVersion.Supported.Contains(line.ProtocolVersion)) return $"protocol version {line.ProtocolVersion} is not supported";
        if (line.DeviceId.Length is 0 or > 32 || !line.DeviceId.All(char.IsAsciiLetterOrDigit)) return "DeviceId is not 1-32 ASCII letters and digits";
        if (line.DeviceType.Length > 255) return "DeviceType is longer than 255";
        (string Name, string? Value)[] texts =
        [
            ("DeviceType", line.DeviceType), ("User", line.User), ("AttachmentName", line.AttachmentName), ("CollectionId", line.CollectionId),
            ("CollectionName", line.CollectionName), ("ItemId", line.ItemId), ("LongId", line.LongId), ("ParentId", line.ParentId),
            ("Occurrence", line.Occurrence),
        ];
        foreach (var (name, value) in texts)
        {
            if (value is null) continue;
            if (value.Length == 0) return $"{name} is empty";
            if (value.Any(char.IsControl)) return $"{name} has a control character";
        }

        return null;
    }

    private void Record(FindingKind kind, long index, string query, IReadOnlyDictionary<string, string?> headers, string detail, Exception? exception)
    {
        var headerText = string.Join("\n", headers.Select(h => $"  {h.Key}: {(h.Value is null ? "(null)" : $"\"{h.Value}\"")}"));
        findings.Record(kind, "requestline", "EasRequestLineParser.Parse", index, Encoding.UTF8.GetBytes(query), query,
            $"{detail}\nHeaders:\n{headerText}", exception);
    }
}
