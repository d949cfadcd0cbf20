namespace Eas.Actors.Cluster;

/// <summary>From a child of an account entity: nothing has happened for its idle time and nothing holds it.</summary>
public sealed record ChildIdle
{
    public static readonly ChildIdle Instance = new();
}

/// <summary>
/// From the account entity to an idle child, sent behind every message already routed to it: stop now if you
/// still may. Messages routed meanwhile wait in the entity, so none is lost to the stop.
/// </summary>
public sealed record PassivateChild
{
    public static readonly PassivateChild Instance = new();
}

/// <summary>The child took on something that must outlive idleness (a parked Ping) before it could stop: keep it.</summary>
public sealed record ChildBusy
{
    public static readonly ChildBusy Instance = new();
}
