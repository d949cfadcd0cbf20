namespace Eas.Actors.Licensing;

/// <summary>
/// What the deployment is licensed for: a number of ActiveSync accounts (<c>ActiveSyncMailboxCount</c>), or
/// the trial: <see cref="TrialSlots"/> accounts for <see cref="TrialLength"/> from the first start.
/// </summary>
public sealed record LicenseTerms(int Slots, bool IsTrial, string Source)
{
    public const int TrialSlots = 20;

    public static readonly TimeSpan TrialLength = TimeSpan.FromDays(30);

    public static LicenseTerms Trial { get; } = new(TrialSlots, true, "trial");

    public static LicenseTerms Licensed(int slots, string source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        return new(slots, false, source);
    }
}
