using System.Collections.Immutable;
using Eas.Actors.Kernel;
using Eas.Actors.Persistence;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Licensing;

/// <summary>What the license actor needs: its terms, its durable state and the audit log.</summary>
public sealed record LicenseActorSettings(LicenseTerms Terms, JsonEntityStore<LicenseState> Store, AuditLog Audit)
{
    public LicenseMetrics? Metrics { get; init; }
}

/// <summary>
/// The deployment's one license (entity <c>license</c>/<see cref="EntityId"/>; the cluster singleton once a
/// cluster exists). It handles one claim at a time and writes every grant durably before answering, so
/// concurrent first connections can never take more slots than licensed, and the order of holders survives
/// restarts. See <see cref="LicenseDecisions"/> for the rules.
/// </summary>
public sealed class LicenseActor(LicenseActorSettings settings) : Actor
{
    public const string Kind = "license";
    public const string EntityId = "deployment";

    private LicenseState _state = LicenseState.Empty;
    private long _version;
    private bool _expiryLogged;

    protected internal override async Task PreStartAsync()
    {
        var (state, version) = await settings.Store.LoadAsync(EntityId);
        (_state, _version) = (state ?? LicenseState.Empty, version);
        await PersistAsync(LicenseDecisions.Start(_state, Context.Clock.GetUtcNow()), "license");
        LicenseLog.Loaded(Context.Logger, settings.Terms.Source, settings.Terms.Slots, _state.Holders.Count);
        CheckExpiry(Context.Clock.GetUtcNow());
    }

    protected internal override async Task ReceiveAsync(object message)
    {
        var now = Context.Clock.GetUtcNow();
        switch (message)
        {
            case ClaimSlot claim:
                var (answer, events) = LicenseDecisions.Claim(settings.Terms, _state, claim.AccountId, now);
                await PersistAsync(events, "license");
                if (answer is NoSlotFree) LicenseLog.TurnedOff(Context.Logger, claim.AccountId, settings.Terms.Slots);
                CheckExpiry(now);
                claim.Reply.Reply(answer);
                break;
            case ReleaseSlot release:
                var released = LicenseDecisions.Release(_state, release.AccountId, now);
                await PersistAsync(released, release.By);
                CheckExpiry(now);
                release.Reply.Reply(!released.IsEmpty);
                break;
            case GetLicenseStatus query:
                query.Reply.Reply(Status(now));
                break;
        }
    }

    private LicenseStatus Status(DateTimeOffset now)
    {
        var terms = settings.Terms;
        var validUntil = LicenseDecisions.ValidUntil(terms, _state);
        DateTimeOffset? trialEnds = terms.IsTrial ? validUntil : null;
        return new LicenseStatus(
            terms.Source,
            terms.Slots,
            Math.Min(terms.Slots, _state.Holders.Count),
            terms.IsTrial,
            _state.FirstStart,
            trialEnds,
            trialEnds is { } end ? Math.Max(0, Math.Round((end - now).TotalDays, 1)) : null,
            now >= validUntil,
            _state.Holders.Take(terms.Slots).ToImmutableList(),
            _state.TurnedOff);
    }

    /// <summary>Updates the slot gauges, and logs once per incarnation that the trial is over and ActiveSync is off for everyone.</summary>
    private void CheckExpiry(DateTimeOffset now)
    {
        var validUntil = LicenseDecisions.ValidUntil(settings.Terms, _state);
        var expired = now >= validUntil;
        settings.Metrics?.Update(Math.Min(settings.Terms.Slots, _state.Holders.Count), expired ? 0 : settings.Terms.Slots);
        if (!expired || _expiryLogged) return;
        _expiryLogged = true;
        LicenseLog.TrialExpired(Context.Logger, validUntil);
    }

    private async Task PersistAsync(ImmutableArray<LicenseEvent> events, string by)
    {
        if (events.IsEmpty) return;
        var next = LicenseDecisions.ApplyAll(_state, events);
        _version = await settings.Store.SaveAsync(EntityId, next, _version);
        _state = next;
        foreach (var e in events) await settings.Audit.RecordAsync(ChangeName(e), e, by, e.At);
    }

    private static string ChangeName(LicenseEvent e) => e switch
    {
        LicenseFirstStarted => "license.first_start",
        SlotGranted => "license.slot_granted",
        AccountTurnedOff => "license.account_turned_off",
        SlotReleased => "license.slot_released",
        _ => "license." + e.GetType().Name,
    };
}

internal static partial class LicenseLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "License: {Source}, {Slots} ActiveSync accounts, {Held} slots held")]
    public static partial void Loaded(ILogger logger, string source, int slots, int held);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "License: all {Slots} slots are taken; account {User} is turned off for ActiveSync")]
    public static partial void TurnedOff(ILogger logger, string user, int slots);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "License: the trial ended at {End:u}; ActiveSync is off for every account until a license is configured (Eas:License:ActiveSyncMailboxCount or Eas:License:File)")]
    public static partial void TrialExpired(ILogger logger, DateTimeOffset end);
}
