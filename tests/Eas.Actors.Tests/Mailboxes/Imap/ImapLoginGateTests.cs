using System.Diagnostics.Metrics;
using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap;
using Eas.Actors.Tests.Diagnostics;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>
/// The node's pacing of IMAP sign-ins: never more than its capacity at once, the others admitted in turn as places
/// free, and a sign-in that finds no place within its wait refused as the store being unavailable (the edge's 503
/// with Retry-After, MS-ASHTTP 3.1.5.2.3), never as wrong credentials.
/// </summary>
public sealed class ImapLoginGateTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_sign_in_over_the_capacity_waits_until_a_place_is_given_back()
    {
        using var gate = new ImapLoginGate(2, Long);
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = await gate.EnterAsync(CancellationToken.None);

        var third = gate.EnterAsync(CancellationToken.None).AsTask();

        third.IsCompleted.ShouldBeFalse("two places, both taken");
        gate.Active.ShouldBe(2);
        first.Dispose();
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(10));
        gate.Active.ShouldBe(2);
        second.Dispose();
        gate.Active.ShouldBe(1);
    }

    [Fact]
    public async Task Many_sign_ins_at_once_are_all_admitted_and_never_more_than_the_capacity_run_together()
    {
        using var gate = new ImapLoginGate(3, Long);
        var running = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            using var place = await gate.EnterAsync(CancellationToken.None);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
        })));

        most.ShouldBeInRange(1, 3);
        gate.Active.ShouldBe(0);
    }

    [Fact]
    public async Task MS_ASHTTP_3_1_5_2_3_a_sign_in_that_finds_no_place_within_its_wait_is_the_store_unavailable_and_counted()
    {
        using var meter = new Meter("Eas.Server");
        using var log = new MeasurementLog(meter);
        using var gate = new ImapLoginGate(1, TimeSpan.FromMilliseconds(50), meter);
        using var held = await gate.EnterAsync(CancellationToken.None);

        var refused = await Should.ThrowAsync<MailStoreUnavailableException>(gate.EnterAsync(CancellationToken.None).AsTask());

        refused.Message.ShouldContain("1 sign-ins at a time");
        log.Of("eas.imap.logins.refused").Sum(m => m.Value).ShouldBe(1);
        log.Observe();
        log.Of("eas.imap.logins.active")[^1].Value.ShouldBe(1);
        log.Of("eas.imap.logins.waiting")[^1].Value.ShouldBe(0);
    }

    [Fact]
    public async Task A_waiting_sign_in_whose_phone_hung_up_is_cancelled_and_takes_no_place()
    {
        using var gate = new ImapLoginGate(1, Long);
        var held = await gate.EnterAsync(CancellationToken.None);
        using var hangUp = new CancellationTokenSource();

        var waiting = gate.EnterAsync(hangUp.Token).AsTask();
        await hangUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting);
        held.Dispose();
        held.Dispose();
        gate.Active.ShouldBe(0, "a place given back twice is given back once");
        using var next = await gate.EnterAsync(CancellationToken.None);
        gate.Active.ShouldBe(1);
    }

    [Fact]
    public void A_gate_without_places_or_with_a_negative_wait_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ImapLoginGate(0, Long));
        Should.Throw<ArgumentOutOfRangeException>(() => new ImapLoginGate(1, TimeSpan.FromSeconds(-1)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
