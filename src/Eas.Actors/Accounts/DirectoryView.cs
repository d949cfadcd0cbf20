namespace Eas.Actors.Accounts;

/// <summary>
/// The directory as the <see cref="DirectoryActor"/> last published it, on this node: an immutable snapshot
/// replaced after every durable change, so account gates resolve settings on every request without a round
/// trip to the singleton. Null until the first state has arrived.
/// </summary>
public sealed class DirectoryView
{
    private DirectoryState? _current;

    public DirectoryState? Current => Volatile.Read(ref _current);

    internal void Publish(DirectoryState state) => Volatile.Write(ref _current, state);
}
