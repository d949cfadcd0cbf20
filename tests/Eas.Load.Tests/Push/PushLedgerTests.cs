using System.Diagnostics;
using Eas.Load.Push;

namespace Eas.Load.Tests.Push;

public class PushLedgerTests
{
    [Fact]
    public void A_missing_push_is_named_with_its_phone_and_told_apart_when_the_phone_was_being_refused()
    {
        // Two accounts, four phones: phones 0 and 2 belong to account 0.
        var ledger = new PushLedger(devices: 4, accounts: 2);
        ledger.PingSent(0, Stopwatch.GetTimestamp());
        ledger.PingSent(2, Stopwatch.GetTimestamp());
        var delivery = ledger.Begin(number: 7, account: 0);
        PushLedger.Complete(delivery);
        ledger.Failed(2, Stopwatch.GetTimestamp());

        var missing = ledger.Summarize().MissingByCause;

        missing.Total.ShouldBe(2);
        missing.NeverWoken.ShouldBe(1);
        missing.Failing.ShouldBe(1);
        missing.Named.Select(m => (m.Device, m.Account, m.Number, m.Cause)).ShouldBe([(0, 0, 7, MissingCause.NeverWoken), (2, 0, 7, MissingCause.Failing)]);
        missing.Named[1].LastFailed.ShouldNotBeNull();
        missing.Named[0].ToString().ShouldStartWith("device 00000 of account 00000, delivery 7: parked before the APPEND, never woken; APPEND ");
    }

    [Fact]
    public void A_phone_that_failed_and_then_parked_again_before_the_message_is_never_woken_not_failing()
    {
        var ledger = new PushLedger(devices: 1, accounts: 1);
        var delivery = ledger.Begin(number: 1, account: 0);
        ledger.Failed(0, Stopwatch.GetTimestamp());
        ledger.PingSent(0, Stopwatch.GetTimestamp());
        PushLedger.Complete(delivery);

        var missing = ledger.Summarize().MissingByCause;

        missing.NeverWoken.ShouldBe(1, "its Ping was parked when the message arrived: the server's miss");
        missing.Failing.ShouldBe(0);
    }

    [Fact]
    public void A_push_made_is_not_missing()
    {
        var ledger = new PushLedger(devices: 1, accounts: 1);
        ledger.PingSent(0, Stopwatch.GetTimestamp());
        var delivery = ledger.Begin(number: 1, account: 0);
        PushLedger.Complete(delivery);
        ledger.Pushed(0, Stopwatch.GetTimestamp());
        ledger.Synced(0, Stopwatch.GetTimestamp(), [1]);

        var summary = ledger.Summarize();

        summary.Missing.ShouldBe(0);
        summary.MissingByCause.Named.ShouldBeEmpty();
        summary.LatenciesMs.Count.ShouldBe(1);
    }
}
