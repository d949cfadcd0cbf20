using System.Net.Sockets;
using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>The pace of IMAP sign-ins: halved when the server fails one, at most once per interval, and given back one answer at a time.</summary>
public sealed class LoginPaceTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_failure_halves_the_places_down_to_an_eighth_and_failures_together_count_once()
    {
        var pace = LoginPace.Starting(32);
        pace.Places.ShouldBe(32);

        pace = pace.Failed(TimeSpan.FromSeconds(10)).Failed(TimeSpan.FromSeconds(10.5)).Failed(TimeSpan.FromSeconds(11));
        pace.Places.ShouldBe(16);

        for (var second = 13; second < 30; second += 2) pace = pace.Failed(TimeSpan.FromSeconds(second));
        pace.Places.ShouldBe(4);
    }

    [Fact]
    public void Answers_give_the_places_back_about_one_per_places_worth_of_answers_up_to_the_ceiling()
    {
        var pace = LoginPace.Starting(32).Failed(TimeSpan.Zero).Failed(TimeSpan.FromSeconds(5));
        pace.Places.ShouldBe(8);

        for (var i = 0; i < 8; i++) pace = pace.Answered();
        pace.Places.ShouldBe(8, "eight answers at 8 places are not quite one more place (each adds 1/limit)");
        pace = pace.Answered();
        pace.Places.ShouldBe(9);

        for (var i = 0; i < 10_000; i++) pace = pace.Answered();
        pace.Places.ShouldBe(32);
    }

    [Fact]
    public async Task The_gate_holds_back_places_while_the_server_fails_and_hands_them_on_as_it_answers()
    {
        using var gate = new ImapLoginGate(8, Long);
        var places = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => gate.EnterAsync(CancellationToken.None).AsTask()));
        var waiting = gate.EnterAsync(CancellationToken.None).AsTask();

        places[0].ServerFailed();
        places[0].Dispose();
        gate.Places.ShouldBe(4);
        foreach (var place in places[1..4]) place.Dispose();

        waiting.IsCompleted.ShouldBeFalse("4 places out of 8: the 4 given back are held back");
        gate.Active.ShouldBe(4);

        places[4].Dispose();
        using var admitted = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        gate.Active.ShouldBe(4);
        foreach (var place in places[5..]) place.Dispose();
        gate.Active.ShouldBe(1);
    }

    [Fact]
    public void Only_the_server_failing_slows_the_pace_never_a_refused_password_or_a_tagged_answer()
    {
        ImapConnector.ServerFailed(new MailStoreUnavailableException("timed out", new TimeoutException())).ShouldBeTrue();
        ImapConnector.ServerFailed(new MailStoreUnavailableException("refused", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        ImapConnector.ServerFailed(new MailStoreUnavailableException("no inner")).ShouldBeTrue();

        ImapConnector.ServerFailed(new MailStoreUnavailableException("stale password", new AuthenticationException("NO [AUTHENTICATIONFAILED]"))).ShouldBeFalse();
        ImapConnector.ServerFailed(new MailStoreUnavailableException("tagged NO", new ImapCommandException(ImapCommandResponse.No, "LOGIN failed"))).ShouldBeFalse();
    }
}
