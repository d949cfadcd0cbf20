using System.Text.Json.Serialization;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Accounts;

/// <summary>An admin replaced what is set on the account; an entry of the audit log.</summary>
public sealed record AccountSettingsChanged(AccountState State, string By, DateTimeOffset At) : IAuditedEvent
{
    [JsonIgnore]
    public string Change => "account.settings";

    [JsonIgnore]
    public object Details => new { account = State.AccountId, @class = State.Settings.Class, features = State.Settings.Features };
}

/// <summary>The license answered the account's claim: whether it holds a slot, or is switched off by the license.</summary>
public sealed record AccountClaimAnswered(AccountState State, DateTimeOffset At) : IPersistedMessage;

/// <summary>The account's journal folded up.</summary>
public sealed record AccountSnapshot(AccountState State) : IPersistedMessage;

/// <summary>The manifests of the account journal. They are a contract with rows on disk: never change or reuse one.</summary>
public static class AccountManifests
{
    public static JsonManifestSetup WithAccountManifests(this JsonManifestSetup setup) => setup
        .With<AccountSettingsChanged>("account.settings-changed.v1")
        .With<AccountClaimAnswered>("account.claim-answered.v1")
        .With<AccountSnapshot>("account.snapshot.v1");
}
