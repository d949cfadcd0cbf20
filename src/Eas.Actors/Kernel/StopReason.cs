namespace Eas.Actors.Kernel;

/// <summary>Why an incarnation ends; decides whether queued messages restart an entity or become dead letters.</summary>
internal enum StopReason
{
    Stopped,
    Passivated,
    RestartLimit,
    Shutdown,
}
