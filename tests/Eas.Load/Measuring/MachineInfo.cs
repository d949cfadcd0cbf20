using System.Globalization;
using System.Runtime.InteropServices;

namespace Eas.Load.Measuring;

/// <summary>
/// What a figure was measured on: cores as .NET sees them, total and available RAM and the load average from
/// /proc, the OS and the runtime. Load figures mean little without it, above all on a shared, busy box.
/// </summary>
internal sealed record MachineInfo(int Cores, long? MemTotalKib, long? MemAvailableKib, string? LoadAverage, string Os, string Runtime)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        MemInfo("MemTotal:"),
        MemInfo("MemAvailable:"),
        ReadFirstLine("/proc/loadavg") is { } load ? string.Join(' ', load.Split(' ').Take(3)) : null,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public string Describe() =>
        $"{Cores} cores, {Gib(MemTotalKib)} GiB RAM ({Gib(MemAvailableKib)} GiB available), load average {LoadAverage ?? "?"}, {Os}, {Runtime}";

    private static string Gib(long? kib) => kib is { } value ? (value / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) : "?";

    private static long? MemInfo(string key)
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            if (line is null) return null;
            return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            return File.ReadLines(path).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
