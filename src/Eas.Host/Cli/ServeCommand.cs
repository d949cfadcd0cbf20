using Eas.Actors.Persistence.Import;

namespace Eas.Host.Cli;

/// <summary>
/// The binary with no subcommand: serves with every argument as configuration. A listen address that cannot be bound
/// ends it with one line on standard error and exit code 1, before anything else starts. An import of a pre-2026-12
/// <c>eas-state.db</c> at start that could not write every stream ends it with one line and exit code 3, having served
/// nothing (the next start finishes the import).
/// </summary>
internal static class ServeCommand
{
    public const int CannotListen = 1;

    public const int ImportIncomplete = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        var app = ServerHost.Build(args);
        var urls = app.Configuration["urls"] is { Length: > 0 } configured ? configured : "http://localhost:5000";
        if (ListenCheck.Problem(urls, "--urls") is { } problem)
        {
            await error.WriteLineAsync(problem);
            await app.DisposeAsync();
            return CannotListen;
        }

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (ListenCheck.Describe(e, urls, "--urls") is { } line)
        {
            await error.WriteLineAsync(line);
            return CannotListen;
        }
        catch (Exception e) when (IncompleteImportIn(e) is { } incomplete)
        {
            await error.WriteLineAsync(incomplete.Message);
            return ImportIncomplete;
        }
    }

    /// <summary>The import's failure, as thrown or as the inner exception of the host's start (DI may wrap it).</summary>
    private static LegacyImportIncompleteException? IncompleteImportIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is LegacyImportIncompleteException incomplete) return incomplete;
            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate) return IncompleteImportIn(aggregate.InnerExceptions[0]);
        }

        return null;
    }
}
