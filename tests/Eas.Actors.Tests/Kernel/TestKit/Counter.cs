using Eas.Actors.Kernel;

namespace Eas.Actors.Tests.Kernel.TestKit;

/// <summary>
/// An entity that counts: it loads its value in PreStartAsync and saves it on every increment, so a restart
/// or a re-activation must find the value where it was left.
/// </summary>
public sealed class Counter(string id, CounterStore store) : Actor
{
    private int _value;

    public bool Veto { get; set; }

    protected override bool CanPassivate => !Veto;

    protected override Task PreStartAsync()
    {
        _value = store.Load(id);
        return Task.CompletedTask;
    }

    protected override Task PostStopAsync()
    {
        store.Stopped();
        return Task.CompletedTask;
    }

    protected override Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case Increment:
                store.Save(id, ++_value);
                break;
            case Boom boom:
                throw new InvalidOperationException(boom.Reason);
            case GetValue get:
                get.ReplyTo.Reply(_value);
                break;
            case HoldOn:
                Veto = true;
                break;
            case LetGo:
                Veto = false;
                break;
            case StopSelf:
                Context.Stop();
                break;
        }

        return Task.CompletedTask;
    }

    public sealed record Increment;

    public sealed record Boom(string Reason, ReplyTo<int>? ReplyTo = null);

    public sealed record GetValue(ReplyTo<int> ReplyTo);

    public sealed record HoldOn;

    public sealed record LetGo;

    public sealed record StopSelf;
}
