using System.Globalization;

namespace Eas.Fuzz;

/// <summary>The command line: <c>--seed N --count N --seconds N --crashes DIR</c>.</summary>
internal sealed record FuzzOptions
{
    public const string Usage =
        "Usage: dotnet run -c Release --project tests/Eas.Fuzz -- [--count N] [--seconds N] [--seed N] [--crashes DIR]\n" +
        "  --count N     mutated inputs per target (WBXML decoder, request-line parser); default 1000000\n" +
        "  --seconds N   stop after N seconds even if the count is not reached; default 600\n" +
        "  --seed N      seed of the random generator, to repeat a run exactly; default: time-based, printed\n" +
        "  --crashes DIR folder for crashing inputs; default ./crashes\n" +
        "Exit code: 0 nothing found, 1 crash or broken invariant, 2 bad arguments, 3 an input hung.";

    public long Count { get; init; } = 1_000_000;

    public int Seconds { get; init; } = 600;

    public int Seed { get; init; } = Environment.TickCount & int.MaxValue;

    public string CrashDirectory { get; init; } = "crashes";

    /// <summary>Reads the arguments; null with <paramref name="error"/> set when they are wrong.</summary>
    public static FuzzOptions? Parse(string[] args, out string? error)
    {
        var options = new FuzzOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = string.Empty;
                return null;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--count" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0:
                    options = options with { Count = count };
                    break;
                case "--seconds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { Seconds = seconds };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--crashes":
                    options = options with { CrashDirectory = value };
                    break;
                default:
                    error = $"Unknown option or bad value: {name} {value}";
                    return null;
            }
        }

        return options;
    }
}
