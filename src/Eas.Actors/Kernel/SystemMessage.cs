namespace Eas.Actors.Kernel;

/// <summary>Kernel-internal mailbox signals; they never reach <see cref="Actor.ReceiveAsync"/>.</summary>
internal sealed class SystemMessage
{
    public static readonly SystemMessage Start = new("start");
    public static readonly SystemMessage Shutdown = new("shutdown");

    private readonly string _name;

    private SystemMessage(string name) => _name = name;

    public override string ToString() => _name;
}
