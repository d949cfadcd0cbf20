namespace Eas.Load.Abuse;

/// <summary>The sizes of the abuse scenarios (<c>eas-load abuse</c>).</summary>
internal sealed record AbuseSettings(int StormRequests, int StormConcurrency, int StormAccounts, int PingRate, int PingSeconds, int SyncItems, int HangUps);
