namespace Eas.Actors.Devices;

/// <summary>
/// What a phone's write to one PIM collection entails beyond the store (<see cref="PimClientCommands"/>): for calendars,
/// the organizer's iTIP mail and revision number (<see cref="OrganizerMail"/>). It can shape what is stored for a
/// change, and hears every write the store took; what it does never fails the write.
/// </summary>
internal interface IPimWriteFollowUp
{
    /// <summary>Whether a Delete must read the item first to hear its text (<see cref="WrittenAsync"/> with it as <c>before</c>); false spares the read.</summary>
    bool NeedsDeletedItem { get; }

    /// <summary>The text to store when the phone changes <paramref name="before"/> into <paramref name="after"/>.</summary>
    string Revise(string before, string after);

    /// <summary>After the store took a write; <paramref name="before"/> null for an Add, <paramref name="after"/> null for a Delete.</summary>
    Task WrittenAsync(string? before, string? after);
}
