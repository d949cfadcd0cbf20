using Microsoft.Extensions.Logging;

namespace Eas.Actors.Licensing;

internal static partial class LicenseLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "License: {Source}, {Slots} ActiveSync accounts, {Held} slots held")]
    public static partial void Loaded(ILogger logger, string source, int slots, int held);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "License: all {Slots} slots are taken; account {User} is turned off for ActiveSync")]
    public static partial void TurnedOff(ILogger logger, string user, int slots);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "License: the trial ended at {End:u}; ActiveSync is off for every account until a license is configured (Eas:License:ActiveSyncMailboxCount or Eas:License:File)")]
    public static partial void TrialExpired(ILogger logger, DateTimeOffset end);
}
