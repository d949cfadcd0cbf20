namespace Eas.Actors.Accounts;

/// <summary>
/// The directory as the <see cref="DirectoryActor"/> last saved it: an immutable snapshot that the actor,
/// its only writer, replaces after every durable change, so account actors resolve settings on every request
/// without a round trip to the singleton. Null until the directory actor has loaded.
/// </summary>
public sealed class DirectoryView
{
    private DirectoryState? _current;

    public DirectoryState? Current => Volatile.Read(ref _current);

    internal void Publish(DirectoryState state) => Volatile.Write(ref _current, state);
}
