using System.Diagnostics.Metrics;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Paces this node's sign-ins to the IMAP server: at most <see cref="Capacity"/> connect-and-authenticate exchanges
/// at a time (the credential check of a first sign-in, a command session's or a watcher's open), the rest waiting
/// their turn in arrival order. A thousand first sign-ins at once otherwise time out in the IMAP server's own
/// authentication; paced, each costs its turn and the server answers them all. A sign-in that finds no place within
/// <see cref="Wait"/> fails as <see cref="MailStoreUnavailableException"/>, which the edge answers 503 with
/// Retry-After (MS-ASHTTP 3.1.5.2.3: the server is busy; the credentials are not in question, so never 401).
/// The places in use follow the server (<see cref="LoginPace"/>): a sign-in the server failed
/// (<see cref="Place.ServerFailed"/>) halves them, down to an eighth of <see cref="Capacity"/>, and each one answered
/// gives some back; a place given back while the pace is under the places out is held back rather than handed on.
/// </summary>
public sealed class ImapLoginGate : IDisposable
{
    private readonly SemaphoreSlim _places;
    private readonly Counter<long>? _refused;
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private LoginPace _pace;
    private int _withheld;
    private long _waiting;

    /// <param name="capacity">Sign-ins at once (at least 1).</param>
    /// <param name="wait">How long one sign-in may wait for its place.</param>
    /// <param name="meter">The server's meter for the gate's instruments; none when null.</param>
    /// <param name="clock">The clock of the pace's halvings; the system's when null.</param>
    public ImapLoginGate(int capacity, TimeSpan wait, Meter? meter = null, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        Capacity = capacity;
        Wait = wait;
        _clock = clock ?? TimeProvider.System;
        _pace = LoginPace.Starting(capacity);
        _places = new SemaphoreSlim(capacity, capacity);
        if (meter is null) return;
        meter.CreateObservableUpDownCounter("eas.imap.logins.active", () => (long)Active, "{login}", "IMAP sign-ins (connect and authenticate) in progress now, at most the configured concurrency.");
        meter.CreateObservableUpDownCounter("eas.imap.logins.places", () => (long)Places, "{login}", "IMAP sign-ins admitted at once now: the configured concurrency, halved while the IMAP server fails sign-ins.");
        meter.CreateObservableUpDownCounter("eas.imap.logins.waiting", () => Volatile.Read(ref _waiting), "{login}", "IMAP sign-ins waiting for their turn now.");
        _refused = meter.CreateCounter<long>("eas.imap.logins.refused", "{login}", "IMAP sign-ins that found no place within their wait; each request was answered 503 with Retry-After.");
    }

    /// <summary>Sign-ins admitted at once.</summary>
    public int Capacity { get; }

    /// <summary>How long one sign-in waits for its place before it is refused.</summary>
    public TimeSpan Wait { get; }

    /// <summary>Sign-ins in progress now.</summary>
    public int Active
    {
        get
        {
            lock (_gate) return Capacity - _places.CurrentCount - _withheld;
        }
    }

    /// <summary>Sign-ins admitted at once now (<see cref="LoginPace.Places"/>).</summary>
    public int Places
    {
        get
        {
            lock (_gate) return _pace.Places;
        }
    }

    /// <summary>
    /// Waits for a place; dispose the returned one when the sign-in is done (signed in or failed).
    /// <see cref="MailStoreUnavailableException"/> when none came free within <see cref="Wait"/>;
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> (the phone hung up) fired first.
    /// </summary>
    public async ValueTask<Place> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        bool entered;
        try
        {
            entered = await _places.WaitAsync(Wait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        if (!entered)
        {
            _refused?.Add(1);
            throw new MailStoreUnavailableException(
                $"No IMAP sign-in place came free within {Wait.TotalSeconds:0.###} s ({Places} of at most {Capacity} sign-ins at a time); the IMAP server is busy.");
        }

        return new Place(this);
    }

    public void Dispose() => _places.Dispose();

    /// <summary>A place given back: the pace follows the outcome, and the place goes to the next sign-in unless the pace holds it back.</summary>
    private void GiveBack(bool serverFailed)
    {
        int release;
        lock (_gate)
        {
            _pace = serverFailed ? _pace.Failed(_clock.GetElapsedTime(0)) : _pace.Answered();
            var inCirculation = Capacity - _withheld;
            if (inCirculation > _pace.Places)
            {
                _withheld++;
                return;
            }

            release = 1;
            for (; inCirculation < _pace.Places && _withheld > 0; inCirculation++, release++) _withheld--;
        }

        _places.Release(release);
    }

    /// <summary>One admitted sign-in; disposing it lets the next one in. Disposing twice gives back once.</summary>
    public sealed class Place : IDisposable
    {
        private ImapLoginGate? _gate;
        private bool _serverFailed;

        internal Place(ImapLoginGate gate) => _gate = gate;

        /// <summary>The IMAP server failed this sign-in (timed out, dropped or refused the connection): the pace halves when it is given back.</summary>
        public void ServerFailed() => _serverFailed = true;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.GiveBack(_serverFailed);
    }
}
