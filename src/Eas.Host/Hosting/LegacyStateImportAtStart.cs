using Eas.Actors.Persistence.Import;
using Eas.Actors.Persistence.Journal;

namespace Eas.Host.Hosting;

/// <summary>
/// The import of a pre-2026-12 <c>eas-state.db</c> at the first start of this version (<see cref="LegacyStateImporter"/>),
/// so an upgraded single box keeps its phones' PolicyKeys, FolderSync keys and SyncKeys instead of resetting them.
/// </summary>
internal static class LegacyStateImportAtStart
{
    /// <summary>
    /// Runs from the server's <c>AddAkka</c> callback, that is while the server's actor system is being built and
    /// before it exists: no entity or singleton can recover from the journal while the import still writes it. That
    /// callback is synchronous, so the import is waited for here, once, at start.
    /// </summary>
    /// <exception cref="LegacyImportIncompleteException">Some streams could not be written: the server does not start.</exception>
    public static void Run(string dataDirectory, JournalOptions journal, TimeSpan testPause, IServiceProvider services) =>
        Task.Run(() => LegacyStateImporter.ImportAtStartAsync(
                Path.GetFullPath(dataDirectory), journal, services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<TimeProvider>(), testPause))
            .GetAwaiter().GetResult();
}
