using System.Collections.Immutable;

namespace Eas.Actors.Licensing;

/// <summary>
/// The license's rules, pure. The first <see cref="LicenseTerms.Slots"/> distinct accounts to claim a slot
/// keep it; every later account is turned off until an admin releases a slot (by disabling a holder) and it
/// is let in again. Only accounts count, never devices: a claim by a holder changes nothing. When the licensed
/// count is lowered below the holders, the earliest holders keep their slots. A trial ends
/// <see cref="LicenseTerms.TrialLength"/> after the first start, and then nobody is let in.
/// </summary>
public static class LicenseDecisions
{
    public static ImmutableArray<LicenseEvent> Start(LicenseState state, DateTimeOffset now) =>
        state.FirstStart is null ? [new LicenseFirstStarted(now)] : [];

    /// <summary>Until when grants hold: the trial's end, or <see cref="DateTimeOffset.MaxValue"/> when licensed.</summary>
    public static DateTimeOffset ValidUntil(LicenseTerms terms, LicenseState state) =>
        terms.IsTrial && state.FirstStart is { } first ? first + LicenseTerms.TrialLength : DateTimeOffset.MaxValue;

    public static (LicenseClaim Claim, ImmutableArray<LicenseEvent> Events) Claim(LicenseTerms terms, LicenseState state, string accountId, DateTimeOffset now)
    {
        var validUntil = ValidUntil(terms, state);
        if (now >= validUntil) return (new LicenseExpired(validUntil), []);
        var index = state.Holders.FindIndex(h => h.AccountId == accountId);
        if (index >= 0 && index < terms.Slots) return (new SlotHeld(validUntil), []);
        if (index < 0 && state.Holders.Count < terms.Slots) return (new SlotHeld(validUntil), [new SlotGranted(accountId, now)]);
        return (new NoSlotFree(), [new AccountTurnedOff(accountId, now)]);
    }

    /// <summary>An admin (<paramref name="by"/>) disabled or re-enabled the account: free what the license holds of it.</summary>
    public static ImmutableArray<LicenseEvent> Release(LicenseState state, string accountId, string by, DateTimeOffset now) =>
        state.Holders.Any(h => h.AccountId == accountId) || state.TurnedOff.Any(t => t.AccountId == accountId)
            ? [new SlotReleased(accountId, by, now)]
            : [];

    public static LicenseState Apply(LicenseState state, LicenseEvent e) => e switch
    {
        LicenseFirstStarted started => state with { FirstStart = started.At },
        SlotGranted granted => state with
        {
            Holders = state.Holders.Add(new SlotHolder(granted.AccountId, granted.At)),
            TurnedOff = state.TurnedOff.RemoveAll(t => t.AccountId == granted.AccountId),
        },
        AccountTurnedOff off => state with
        {
            Holders = state.Holders.RemoveAll(h => h.AccountId == off.AccountId),
            TurnedOff = state.TurnedOff.RemoveAll(t => t.AccountId == off.AccountId).Add(new TurnedOffAccount(off.AccountId, off.At)),
        },
        SlotReleased released => state with
        {
            Holders = state.Holders.RemoveAll(h => h.AccountId == released.AccountId),
            TurnedOff = state.TurnedOff.RemoveAll(t => t.AccountId == released.AccountId),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown license event."),
    };

    public static LicenseState ApplyAll(LicenseState state, ImmutableArray<LicenseEvent> events) => events.Aggregate(state, Apply);
}
