namespace Eas.Actors.Persistence;

/// <summary>
/// The durable state of one entity. <see cref="Version"/> grows by one with every save and delete (it starts
/// at 1, and after a delete a re-created state continues from the deleted one's version, so a writer holding
/// a version from before the delete cannot overwrite the new state). Pass it back as the expected version of
/// the next save.
/// </summary>
public sealed record StoredState(long Version, byte[] Data);
