namespace Eas.Load.Seeding;

/// <summary>How a seeding run went: messages written, octets, wall time, failures, and why it stopped early if it did.</summary>
internal sealed record SeedResult(int Requested, int Written, long Bytes, TimeSpan Elapsed, int Errors, string? FirstError, string? StopReason)
{
    public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Written / Elapsed.TotalSeconds : 0;
}
