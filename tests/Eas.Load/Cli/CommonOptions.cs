using System.CommandLine;
using Eas.Wire.Http;

namespace Eas.Load.Cli;

/// <summary>Options and checks the subcommands share.</summary>
internal static class CommonOptions
{
    public const int DefaultMaxSeconds = 600;
    public const string PasswordVariable = "EAS_LOAD_PASSWORD";

    /// <summary><c>--max-seconds</c>: the bound on the whole run; when it passes the run stops and reports what it has.</summary>
    public static Option<int> MaxSeconds() =>
        Positive(new Option<int>("--max-seconds")
        {
            Description = "Stop after this many seconds and report what was done until then.",
            DefaultValueFactory = _ => DefaultMaxSeconds,
        });

    /// <summary><c>--password</c>, falling back to the EAS_LOAD_PASSWORD environment variable (keeps it out of the process list).</summary>
    public static Option<string?> Password() =>
        new("--password") { Description = $"The account's password (default: ${PasswordVariable})." };

    public static Option<string> Version() =>
        new Option<string>("--version") { Description = "EAS protocol version the simulated phones speak.", DefaultValueFactory = _ => "14.1" }
            .AcceptOnlyFromAmong([.. ProtocolVersion.Supported.Select(v => v.ToString())]);

    public static Option<int> Window() =>
        Positive(new Option<int>("--window") { Description = "Sync WindowSize: items per response (MS-ASCMD 2.2.3.199).", DefaultValueFactory = _ => 100 });

    public static Option<int> Truncation() =>
        Positive(new Option<int>("--truncation") { Description = "Plain-text body TruncationSize in bytes (MS-ASAIRS 2.2.2.40.1).", DefaultValueFactory = _ => 5120 });

    public static Option<int> Devices() =>
        Positive(new Option<int>("--devices") { Description = "Simulated phones (distinct DeviceIds), run side by side.", DefaultValueFactory = _ => 1 });

    public static Option<int> SizeBytes() =>
        Positive(new Option<int>("--size-bytes") { Description = "Approximate body size of each seeded message.", DefaultValueFactory = _ => 3000 });

    public static Option<int> WarmupWindows(int defaultValue)
    {
        var option = new Option<int>("--warmup-windows")
        {
            Description = "Windows a separate device syncs first, not measured, so the figures are a warm server's (0: none).",
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--warmup-windows must be 0 or more.");
        });
        return option;
    }

    /// <summary><c>--report DIR</c>: where the run's report folder (text tables, charts, index.html) goes.</summary>
    public static Option<string?> Report() =>
        new("--report") { Description = "Folder for the report (text tables, PNG charts, report.md, index.html); default <temp>/eas-load-reports/COMMAND-TIME." };

    /// <summary>Rejects zero and negative values at parse time.</summary>
    public static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0) result.AddError($"{option.Name} must be a positive number.");
        });
        return option;
    }

    /// <summary>The password from the option or the environment; null (with a message written) when there is neither.</summary>
    public static string? ResolvePassword(string? given)
    {
        var password = given ?? Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password)) Console.Error.WriteLine($"Give --password or set {PasswordVariable}.");
        return string.IsNullOrEmpty(password) ? null : password;
    }
}
