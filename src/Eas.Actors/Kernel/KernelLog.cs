using Microsoft.Extensions.Logging;

namespace Eas.Actors.Kernel;

/// <summary>Kernel log events; ids 1000-1099 are reserved for the kernel and never reused.</summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error,
        Message = "Actor {Kind} {EntityId} failed handling {MessageType}; the message is dropped and the actor restarts")]
    public static partial void MessageFailed(ILogger logger, string kind, string? entityId, string messageType, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error,
        Message = "Actor {Kind} {EntityId} failed to start; the message that woke it is dropped")]
    public static partial void StartFailed(ILogger logger, string kind, string? entityId, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Actor {Kind} {EntityId} restarting")]
    public static partial void Restarting(ILogger logger, string kind, string? entityId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error,
        Message = "Actor {Kind} {EntityId} reached {MaxRestarts} restarts within {Window}; stopping it")]
    public static partial void RestartLimitReached(ILogger logger, string kind, string? entityId, int maxRestarts, TimeSpan window);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Actor {Kind} {EntityId} threw from PostStopAsync")]
    public static partial void PostStopFailed(ILogger logger, string kind, string? entityId, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Actor {Kind} {EntityId} stopped ({Reason})")]
    public static partial void Stopped(ILogger logger, string kind, string? entityId, StopReason reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information,
        Message = "Dead letter {MessageType} for {Path}: {Reason}")]
    public static partial void DeadLetter(ILogger logger, string messageType, string path, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Critical, Message = "Kernel fault in the turn of {Path}")]
    public static partial void KernelFault(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Actor system shutting down: {Count} actors to stop")]
    public static partial void ShutdownStarted(ILogger logger, int count);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Actor system stopped")]
    public static partial void ShutdownCompleted(ILogger logger);
}
