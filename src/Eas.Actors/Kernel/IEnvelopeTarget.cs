namespace Eas.Actors.Kernel;

/// <summary>A kernel reference that can carry an ask handle alongside the message.</summary>
internal interface IEnvelopeTarget
{
    ActorSystem System { get; }

    void Post(in Envelope envelope);
}
