namespace Eas.Load.Bench;

/// <summary>What <c>attach-bench</c> measures: one attachment of <paramref name="SizeMib"/> MiB fetched <paramref name="Parallel"/> times at once.</summary>
/// <param name="SizeMib">The attachment's size in MiB.</param>
/// <param name="Parallel">How many fetches run at once (each its own device and connection).</param>
/// <param name="MultiPart">Ask ItemOperations for multipart answers (MS-ASAcceptMultiPart: T) instead of inline base64.</param>
/// <param name="WholeMessage">Fetch the whole message as MIME with ItemOperations (BodyPreference Type 4) instead of the attachment.</param>
/// <param name="ServerLogLevel">The server's Eas:LogLevel.</param>
/// <param name="ServerDll">The server to run; null for the repository's Release build.</param>
/// <param name="KeepData">Keep the temporary directory afterwards.</param>
internal sealed record AttachBenchSettings(int SizeMib, int Parallel, bool MultiPart, bool WholeMessage, string ServerLogLevel, string? ServerDll, bool KeepData);
