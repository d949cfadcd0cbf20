namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// How many IMAP sign-ins a node lets run at once right now, between <see cref="Floor"/> and <see cref="Ceiling"/>:
/// additive increase, multiplicative decrease, as TCP paces a sender to what the path takes. Each sign-in the server
/// answered (accepted or refused) raises the limit by 1/limit (about one more place per limit's worth of answers);
/// a sign-in the server failed (timed out, dropped, refused the connection) halves it, at most once per
/// <see cref="CutInterval"/>, because the sign-ins that were already under way when the server choked fail together
/// and are one signal, not many. A recovery storm (a dead node's phones all signing in again on the survivors) then
/// meets a pace the IMAP server can take instead of a pile of sign-ins that time out in its authentication and are
/// retried. Immutable; <see cref="ImapLoginGate"/> holds the current one.
/// </summary>
public sealed record LoginPace(double Limit, int Floor, int Ceiling, TimeSpan? LastCut = null)
{
    /// <summary>The shortest time between two halvings.</summary>
    public static readonly TimeSpan CutInterval = TimeSpan.FromSeconds(2);

    /// <summary>A pace that starts at <paramref name="ceiling"/> and never goes under an eighth of it (at least 1).</summary>
    public static LoginPace Starting(int ceiling) => new(ceiling, Math.Max(1, ceiling / 8), ceiling);

    /// <summary>Sign-ins admitted at once now.</summary>
    public int Places => Math.Clamp((int)Math.Floor(Limit), Floor, Ceiling);

    /// <summary>The server answered a sign-in.</summary>
    public LoginPace Answered() => Limit >= Ceiling ? this : this with { Limit = Math.Min(Ceiling, Limit + 1 / Limit) };

    /// <summary>The server failed a sign-in at <paramref name="now"/> (a monotonic time).</summary>
    public LoginPace Failed(TimeSpan now) =>
        LastCut is { } cut && now - cut < CutInterval ? this : this with { Limit = Math.Max(Floor, Limit / 2), LastCut = now };
}
