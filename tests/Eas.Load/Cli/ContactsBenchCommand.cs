using System.CommandLine;
using Eas.Load.Bench;
using Eas.Load.Pim;
using Eas.Load.Safety;

namespace Eas.Load.Cli;

/// <summary>
/// <c>eas-load contacts-bench</c>: N seeded contacts in the IMAP-folder or CardDAV store; <c>eas-load calendar-bench</c>:
/// N seeded appointments (every tenth a weekly series) in the IMAP Calendar folder or a CalDAV calendar (store <c>dav</c>);
/// one 16.1 phone's initial sync, the figures.
/// </summary>
internal static class ContactsBenchCommand
{
    public static Command Create() => Create("contacts");

    public static Command CreateCalendar() => Create("calendar");

    private static Command Create(string itemClass)
    {
        var calendar = itemClass == "calendar";
        var contacts = CommonOptions.Positive(calendar
            ? new Option<int>("--events") { Description = "Appointments in the account's store (every tenth a weekly series).", DefaultValueFactory = _ => 2_000 }
            : new Option<int>("--contacts") { Description = "Contacts in the account's store.", DefaultValueFactory = _ => 5_000 });
        var store = calendar
            ? new Option<string>("--store") { Description = "Where the appointments live: the account's IMAP Calendar folder or a private Radicale (CalDAV, the dav store).", DefaultValueFactory = _ => "imap" }
                .AcceptOnlyFromAmong("imap", "dav")
            : new Option<string>("--store") { Description = "Where the contacts live: the account's IMAP Contacts folder or a private Radicale (CardDAV).", DefaultValueFactory = _ => "imap" }
                .AcceptOnlyFromAmong("imap", "carddav");
        var window = CommonOptions.Window();
        var version = CommonOptions.Version();
        version.DefaultValueFactory = _ => "16.1";
        var logLevel = new Option<string>("--server-log-level") { Description = "The server's Eas:LogLevel (its log is kept with --keep-data).", DefaultValueFactory = _ => "Warning" }
            .AcceptOnlyFromAmong("Verbose", "Debug", "Information", "Warning", "Error");
        var serverDll = new Option<string?>("--server-dll") { Description = $"The server to run (default: <repository>/{RepositoryPaths.ServerDll})." };
        var keep = new Option<bool>("--keep-data") { Description = "Keep the temporary directory (stores, server state, server log) afterwards." };
        var warmup = CommonOptions.WarmupWindows(2);
        var maxSeconds = CommonOptions.MaxSeconds();
        var command = new Command(itemClass + "-bench", $"Measure an initial {itemClass} sync end to end against the IMAP-folder or DAV store and the Release server.")
        {
            contacts, store, window, version, warmup, logLevel, serverDll, keep, maxSeconds,
        };
        command.SetAction(async (result, token) =>
        {
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(result.GetValue(maxSeconds)), token);
            var settings = new ContactsBenchSettings(result.GetValue(contacts), result.GetValue(store)!, result.GetValue(window), result.GetValue(version)!,
                result.GetValue(warmup), result.GetValue(logLevel)!, result.GetValue(serverDll), result.GetValue(keep), itemClass);
            return await ContactsBench.RunAsync(settings, deadline);
        });
        return command;
    }
}
