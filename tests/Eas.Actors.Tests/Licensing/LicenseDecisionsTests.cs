using System.Collections.Immutable;
using Eas.Actors.Licensing;
using Shouldly;

namespace Eas.Actors.Tests.Licensing;

public sealed class LicenseDecisionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private static LicenseState Started(LicenseState? state = null) =>
        LicenseDecisions.ApplyAll(state ?? LicenseState.Empty, LicenseDecisions.Start(state ?? LicenseState.Empty, Start));

    private static (LicenseClaim Claim, LicenseState State) Claim(LicenseTerms terms, LicenseState state, string account, DateTimeOffset? at = null)
    {
        var (claim, events) = LicenseDecisions.Claim(terms, state, account, at ?? Start.AddHours(1));
        return (claim, LicenseDecisions.ApplyAll(state, events));
    }

    [Fact]
    public void The_first_N_distinct_accounts_keep_a_slot_in_order_and_later_ones_are_turned_off()
    {
        var terms = LicenseTerms.Licensed(2, "configuration");
        var state = Started();
        (var a, state) = Claim(terms, state, "a@x");
        (var again, state) = Claim(terms, state, "a@x");
        (var b, state) = Claim(terms, state, "b@x");
        (var c, state) = Claim(terms, state, "c@x");
        a.ShouldBeOfType<SlotHeld>().ValidUntil.ShouldBe(DateTimeOffset.MaxValue);
        again.ShouldBeOfType<SlotHeld>();
        b.ShouldBeOfType<SlotHeld>();
        c.ShouldBeOfType<NoSlotFree>();
        state.Holders.Select(h => h.AccountId).ShouldBe(["a@x", "b@x"]);
        state.TurnedOff.Select(t => t.AccountId).ShouldBe(["c@x"]);
    }

    [Fact]
    public void A_released_slot_goes_to_the_next_account_that_claims_and_only_one()
    {
        var terms = LicenseTerms.Licensed(1, "configuration");
        var state = Started();
        (_, state) = Claim(terms, state, "a@x");
        (_, state) = Claim(terms, state, "b@x");
        state = LicenseDecisions.ApplyAll(state, LicenseDecisions.Release(state, "a@x", "admin", Start.AddHours(2)));
        state.Holders.ShouldBeEmpty();
        state.TurnedOff.Select(t => t.AccountId).ShouldBe(["b@x"]);

        state = LicenseDecisions.ApplyAll(state, LicenseDecisions.Release(state, "b@x", "admin", Start.AddHours(2)));
        state.TurnedOff.ShouldBeEmpty();
        (var b, state) = Claim(terms, state, "b@x");
        (var c, state) = Claim(terms, state, "c@x");
        b.ShouldBeOfType<SlotHeld>();
        c.ShouldBeOfType<NoSlotFree>();
    }

    [Fact]
    public void Releasing_an_account_the_license_does_not_know_changes_nothing()
    {
        LicenseDecisions.Release(Started(), "nobody@x", "admin", Start).ShouldBeEmpty();
    }

    [Fact]
    public void The_trial_lets_20_accounts_in_for_30_days_then_nobody()
    {
        var state = Started();
        var answers = new List<LicenseClaim>();
        for (var i = 0; i < 25; i++)
        {
            (var claim, state) = Claim(LicenseTerms.Trial, state, $"user{i}@x");
            answers.Add(claim);
        }

        answers.Count(a => a is SlotHeld).ShouldBe(20);
        answers.Skip(20).ShouldAllBe(a => a is NoSlotFree);
        ((SlotHeld)answers[0]).ValidUntil.ShouldBe(Start.AddDays(30));

        var (holderOnDay29, _) = Claim(LicenseTerms.Trial, state, "user0@x", Start.AddDays(29));
        holderOnDay29.ShouldBeOfType<SlotHeld>();
        var (holderOnDay31, after) = Claim(LicenseTerms.Trial, state, "user0@x", Start.AddDays(30).AddDays(1));
        holderOnDay31.ShouldBeOfType<LicenseExpired>();
        var (newcomerOnDay31, _) = Claim(LicenseTerms.Trial, state, "new@x", Start.AddDays(31));
        newcomerOnDay31.ShouldBeOfType<LicenseExpired>();
        after.ShouldBe(state);
    }

    [Fact]
    public void The_first_start_is_recorded_once()
    {
        var state = Started();
        LicenseDecisions.Start(state, Start.AddDays(3)).ShouldBeEmpty();
        state.FirstStart.ShouldBe(Start);
    }

    [Fact]
    public void A_lowered_license_keeps_the_earliest_holders()
    {
        var state = Started();
        foreach (var account in new[] { "a@x", "b@x", "c@x" }) (_, state) = Claim(LicenseTerms.Licensed(3, "configuration"), state, account);
        var lowered = LicenseTerms.Licensed(2, "configuration");
        var (a, _) = Claim(lowered, state, "a@x");
        var (c, afterC) = Claim(lowered, state, "c@x");
        a.ShouldBeOfType<SlotHeld>();
        c.ShouldBeOfType<NoSlotFree>();
        afterC.Holders.Select(h => h.AccountId).ShouldBe(["a@x", "b@x"]);
    }

    [Fact]
    public void Random_claims_and_releases_never_hold_more_slots_than_licensed()
    {
        var random = new Random(7);
        var terms = LicenseTerms.Licensed(5, "configuration");
        var state = Started();
        for (var step = 0; step < 5000; step++)
        {
            var account = $"u{random.Next(12)}@x";
            var events = random.Next(4) == 0
                ? LicenseDecisions.Release(state, account, "admin", Start)
                : LicenseDecisions.Claim(terms, state, account, Start).Events;
            state = LicenseDecisions.ApplyAll(state, events);
            state.Holders.Count.ShouldBeLessThanOrEqualTo(5);
            state.Holders.Select(h => h.AccountId).Distinct().Count().ShouldBe(state.Holders.Count);
            state.Holders.Select(h => h.AccountId).Intersect(state.TurnedOff.Select(t => t.AccountId)).ShouldBeEmpty();
        }

        ImmutableArray<LicenseEvent> none = [];
        LicenseDecisions.Start(state, Start).ShouldBe(none);
    }
}
