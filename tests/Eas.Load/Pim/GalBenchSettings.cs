namespace Eas.Load.Pim;

/// <summary>The knobs of <c>gal-bench</c>: which directory of how many people, and how many requests the phone sends.</summary>
internal sealed record GalBenchSettings(int Entries, string Gal, int Requests, string ServerLogLevel, string? ServerDll, bool KeepData);
