using System.Diagnostics.Metrics;
using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Host.Auth;
using Eas.Host.Diagnostics;
using Eas.Host.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Host.Tests.Auth;

/// <summary>
/// The phones of one account whose cached verification ran out together: one IMAP check per login at a time, its
/// verdict shared with the requests that came while it ran (issue 12: under load the waves of checks queued for the
/// node's sign-in places until phones were refused and their pushes missed).
/// </summary>
public sealed class SignInServiceTests : IDisposable
{
    private const string Address = "127.0.0.1";
    /// <summary>How long a sign-in the test has answered may take to end: a request left waiting for a second IMAP answer fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly GatedAuthenticator _imap = new();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Requests_that_come_while_their_login_is_checked_share_the_check()
    {
        var service = Service();

        var first = service.SignInAsync(Basic("mike", "Secret"), Address, CancellationToken.None);
        var second = service.SignInAsync(Basic("mike", "Secret"), Address, CancellationToken.None);
        var third = service.SignInAsync(Basic("mike", "Secret"), Address, CancellationToken.None);
        await _imap.Release(MailSignInResult.Accepted);

        (await Task.WhenAll(first, second, third).WaitAsync(Patience)).Select(r => r.Outcome).ShouldAllBe(o => o == SignInOutcome.Accepted);
        _imap.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task An_imap_failure_answers_the_waiting_requests_too()
    {
        var service = Service();

        var first = service.SignInAsync(Basic("mike", "Secret"), Address, CancellationToken.None);
        var second = service.SignInAsync(Basic("mike", "Secret"), Address, CancellationToken.None);
        await _imap.Fail();

        (await first.WaitAsync(Patience)).Outcome.ShouldBe(SignInOutcome.StoreUnavailable);
        (await second.WaitAsync(Patience)).Outcome.ShouldBe(SignInOutcome.StoreUnavailable);
        _imap.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Another_password_is_checked_on_its_own_after_the_running_check()
    {
        var service = Service();

        var right = service.SignInAsync(Basic("mike", "Secret"), Address, CancellationToken.None);
        var wrong = service.SignInAsync(Basic("mike", "Guess"), Address, CancellationToken.None);
        await _imap.Release(MailSignInResult.Accepted);
        (await right.WaitAsync(Patience)).Outcome.ShouldBe(SignInOutcome.Accepted);
        await _imap.Called(2);
        await _imap.Release(MailSignInResult.Refused("AUTHENTICATIONFAILED"));

        (await wrong.WaitAsync(Patience)).Outcome.ShouldBe(SignInOutcome.Rejected);
        _imap.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_check_whose_phone_hung_up_hands_the_turn_to_one_waiter_not_to_all()
    {
        var service = Service();
        using var hangUp = new CancellationTokenSource();

        var leader = service.SignInAsync(Basic("mike", "Secret"), Address, hangUp.Token);
        await _imap.Called(1);
        var second = service.SignInAsync(Basic("mike", "Secret"), Address, CancellationToken.None);
        var third = service.SignInAsync(Basic("mike", "Secret"), Address, CancellationToken.None);
        await hangUp.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(leader.WaitAsync(Patience));
        await _imap.Called(2);
        await _imap.Release(MailSignInResult.Accepted);

        (await Task.WhenAll(second, third).WaitAsync(Patience)).Select(r => r.Outcome).ShouldAllBe(o => o == SignInOutcome.Accepted);
        _imap.Calls.ShouldBe(2, "one waiter took the next turn; the other shared its check");
    }

    private SignInService Service()
    {
        var options = new EasOptions { DefaultDomain = "ox.io" };
        var metrics = new ServerMetrics(_services.GetRequiredService<IMeterFactory>());
        var protection = new SignInProtection(options.Auth, TimeProvider.System, metrics, NullLogger<SignInProtection>.Instance);
        var cache = new VerifiedCredentialCache(TimeSpan.FromMinutes(5), 100, TimeProvider.System);
        return new SignInService(_imap, cache, protection, Microsoft.Extensions.Options.Options.Create(options), metrics, NullLogger<SignInService>.Instance);
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    /// <summary>An IMAP server whose every sign-in waits until the test answers it, counting the sign-ins asked.</summary>
    private sealed class GatedAuthenticator : IMailAuthenticator
    {
        private readonly Lock _gate = new();
        private readonly Queue<TaskCompletionSource<MailSignInResult>> _waiting = new();
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<MailSignInResult> AuthenticateAsync(string user, string password, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var answer = new TaskCompletionSource<MailSignInResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
            lock (_gate) _waiting.Enqueue(answer);
            return answer.Task;
        }

        public async Task Release(MailSignInResult result) => (await NextAsync()).SetResult(result);

        public async Task Fail() => (await NextAsync()).SetException(new MailStoreUnavailableException("The IMAP server failed while signing in: no sign-in place came free."));

        /// <summary>Waits, at most 30 s, until <paramref name="count"/> sign-ins have been asked.</summary>
        public async Task Called(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Calls < count && DateTime.UtcNow < deadline) await Task.Delay(10);
            Calls.ShouldBe(count);
        }

        /// <summary>The oldest sign-in not answered (nor cancelled) yet, waiting at most 30 s for one to be asked.</summary>
        private async Task<TaskCompletionSource<MailSignInResult>> NextAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                lock (_gate)
                {
                    while (_waiting.TryDequeue(out var next))
                    {
                        if (!next.Task.IsCompleted) return next; // A sign-in whose phone hung up is over already.
                    }
                }

                if (DateTime.UtcNow > deadline) throw new TimeoutException("No IMAP sign-in was asked within 30 s.");
                await Task.Delay(10);
            }
        }
    }
}
