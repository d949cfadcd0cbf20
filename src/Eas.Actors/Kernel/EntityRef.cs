namespace Eas.Actors.Kernel;

/// <summary>A reference to an entity by region and id; it stays valid across passivation.</summary>
internal sealed class EntityRef(EntityRegion region, string id) : IActorRef, IEnvelopeTarget
{
    public EntityRegion Region { get; } = region;

    public string Id { get; } = id;

    public string Path => Region.Kind + "/" + Id;

    public ActorSystem System => Region.System;

    public void Tell(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Region.Post(Id, new Envelope(message, null));
    }

    public void Post(in Envelope envelope) => Region.Post(Id, envelope);

    public override bool Equals(object? obj) =>
        obj is EntityRef other && ReferenceEquals(other.Region, Region) && string.Equals(other.Id, Id, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);
}
