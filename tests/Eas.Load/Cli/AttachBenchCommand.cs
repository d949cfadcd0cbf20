using System.CommandLine;
using Eas.Load.Bench;
using Eas.Load.Safety;

namespace Eas.Load.Cli;

/// <summary><c>eas-load attach-bench</c>: private Dovecot, one big attachment, the Release server as a child, P fetches at once, the server's RSS.</summary>
internal static class AttachBenchCommand
{
    public static Command Create()
    {
        var size = CommonOptions.Positive(new Option<int>("--size-mib") { Description = "The attachment's size in MiB.", DefaultValueFactory = _ => 30 });
        var parallel = CommonOptions.Positive(new Option<int>("--parallel") { Description = "Fetches at once (one device each).", DefaultValueFactory = _ => 4 });
        var multipart = new Option<bool>("--multipart") { Description = "Ask ItemOperations for multipart answers (MS-ASAcceptMultiPart: T)." };
        var wholeMessage = new Option<bool>("--whole-message") { Description = "Fetch the whole message as MIME with ItemOperations (BodyPreference Type 4) instead of the attachment." };
        var logLevel = new Option<string>("--server-log-level") { Description = "The server's Eas:LogLevel (its log is kept with --keep-data).", DefaultValueFactory = _ => "Warning" }
            .AcceptOnlyFromAmong("Verbose", "Debug", "Information", "Warning", "Error");
        var serverDll = new Option<string?>("--server-dll") { Description = $"The server to run (default: <repository>/{RepositoryPaths.ServerDll})." };
        var keep = new Option<bool>("--keep-data") { Description = "Keep the temporary directory (maildir, server state, server log) afterwards." };
        var maxSeconds = CommonOptions.MaxSeconds();
        var command = new Command("attach-bench", "Measure the server's memory while big attachments are fetched in parallel (ItemOperations and GetAttachment).")
        {
            size, parallel, multipart, wholeMessage, logLevel, serverDll, keep, maxSeconds,
        };
        command.SetAction(async (result, token) =>
        {
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(result.GetValue(maxSeconds)), token);
            var settings = new AttachBenchSettings(result.GetValue(size), result.GetValue(parallel), result.GetValue(multipart), result.GetValue(wholeMessage),
                result.GetValue(logLevel)!, result.GetValue(serverDll), result.GetValue(keep));
            return await AttachBench.RunAsync(settings, deadline);
        });
        return command;
    }
}
