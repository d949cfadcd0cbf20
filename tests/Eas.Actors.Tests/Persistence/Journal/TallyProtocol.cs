namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>Persists the event and answers <see cref="Persisted"/>.</summary>
public sealed record Record(TallyEvent Event);

/// <summary>Answered with <see cref="TallyView"/>.</summary>
public sealed record GetTally
{
    public static GetTally Instance { get; } = new();
}

public sealed record Persisted(long SequenceNr, TallyState State);

/// <summary>The state and how it was recovered.</summary>
public sealed record TallyView(TallyState State, long LastSequenceNr, long? SnapshotSequenceNr, int EventsReplayed);

/// <summary>Told to the observer by OnPersistFailure/OnPersistRejected, with the state as it stayed.</summary>
public sealed record PersistFailed(Exception Cause, TallyState State, bool Rejected);

public sealed record RecoveryFailed(Exception Cause);
