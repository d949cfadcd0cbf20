using System.CommandLine;
using Eas.Actors.Accounts;

namespace Eas.Host.Cli;

/// <summary>
/// <c>--active-sync</c>, <c>--email</c>, <c>--contacts</c>, <c>--pim</c>, each <c>on</c>, <c>off</c> or
/// <c>inherit</c>, for the admin verbs that set a level (service defaults, a domain, a class, an account).
/// The API replaces a level's settings whole, so the verbs read the level first and change only the switches
/// given: a switch left out keeps its value, <c>inherit</c> clears it.
/// </summary>
internal sealed class FeatureSwitches
{
    public Option<string?> ActiveSync { get; } = Create("--active-sync", "ActiveSync as a whole");

    public Option<string?> Email { get; } = Create("--email", "Email folders and sending");

    public Option<string?> Contacts { get; } = Create("--contacts", "Contacts folders");

    public Option<string?> Pim { get; } = Create("--pim", "Calendar, tasks and notes");

    public Symbol[] Symbols => [ActiveSync, Email, Contacts, Pim];

    /// <summary><paramref name="current"/> with the switches given on the command line applied.</summary>
    public FeatureSettings Apply(ParseResult result, FeatureSettings current) => new(
        Value(result, ActiveSync, current.ActiveSync),
        Value(result, Email, current.Email),
        Value(result, Contacts, current.Contacts),
        Value(result, Pim, current.Pim));

    /// <summary>A switch as the tables show it.</summary>
    public static string Show(bool? value) => value switch { true => "on", false => "off", null => "inherit" };

    private static bool? Value(ParseResult result, Option<string?> option, bool? current) => result.GetValue(option) switch
    {
        null => current,
        "on" => true,
        "off" => false,
        _ => null,
    };

    private static Option<string?> Create(string name, string what)
    {
        var option = new Option<string?>(name) { Description = $"{what}: on, off or inherit." };
        option.AcceptOnlyFromAmong("on", "off", "inherit");
        return option;
    }
}
