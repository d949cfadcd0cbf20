using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Persistence;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Licensing;

/// <summary>What the license actor needs: its terms, its durable state and the audit log.</summary>
public sealed record LicenseActorSettings(LicenseTerms Terms, JsonEntityStore<LicenseState> Store, AuditLog Audit)
{
    public LicenseMetrics? Metrics { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}

/// <summary>
/// The deployment's one license, a cluster singleton reached through its proxy (on whichever node is oldest;
/// it moves when that node leaves or dies, and recovers its state from the store). It handles one claim at a time and writes every grant durably before answering, so
/// concurrent first connections can never take more slots than licensed, and the order of holders survives
/// restarts. See <see cref="LicenseDecisions"/> for the rules.
/// </summary>
public sealed class LicenseActor : ReceiveActor
{
    public const string Name = "license";

    /// <summary>The state store kind of the license's row.</summary>
    public const string StoreKind = "license";
    public const string EntityId = "deployment";

    private readonly LicenseActorSettings settings;
    private LicenseState _state = LicenseState.Empty;
    private bool _loaded;
    private long _version;
    private bool _expiryLogged;

    public LicenseActor(LicenseActorSettings settings)
    {
        this.settings = settings;
        ReceiveAsync<ClaimSlot>(claim => AnswerAsync(Sender, now => ClaimAsync(claim, now)));
        ReceiveAsync<ReleaseSlot>(release => AnswerAsync(Sender, now => ReleaseAsync(release, now)));
        ReceiveAsync<GetLicenseStatus>(_ => AnswerAsync(Sender, now => Task.FromResult<object>(Status(now))));
    }

    /// <summary>Loads the state on the first message (recording the first start), then answers; a store failure fails only this ask.</summary>
    private async Task AnswerAsync(IActorRef replyTo, Func<DateTimeOffset, Task<object>> answer)
    {
        try
        {
            var now = settings.Clock.GetUtcNow();
            if (!_loaded)
            {
                var (state, version) = await settings.Store.LoadAsync(EntityId);
                (_state, _version) = (state ?? LicenseState.Empty, version);
                await PersistAsync(LicenseDecisions.Start(_state, now), "license");
                _loaded = true;
                LicenseLog.Loaded(settings.Logger, settings.Terms.Source, settings.Terms.Slots, _state.Holders.Count);
            }

            var reply = await answer(now);
            CheckExpiry(now);
            replyTo.Tell(reply);
        }
        catch (Exception e)
        {
            _loaded = false;
            replyTo.Tell(new Status.Failure(e));
        }
    }

    private async Task<object> ClaimAsync(ClaimSlot claim, DateTimeOffset now)
    {
        var (answer, events) = LicenseDecisions.Claim(settings.Terms, _state, claim.AccountId, now);
        await PersistAsync(events, "license");
        if (answer is NoSlotFree) LicenseLog.TurnedOff(settings.Logger, claim.AccountId, settings.Terms.Slots);
        return answer;
    }

    private async Task<object> ReleaseAsync(ReleaseSlot release, DateTimeOffset now)
    {
        var released = LicenseDecisions.Release(_state, release.AccountId, now);
        await PersistAsync(released, release.By);
        return new SlotReleaseResult(!released.IsEmpty);
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
        LicenseLog.TrialExpired(settings.Logger, validUntil);
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
