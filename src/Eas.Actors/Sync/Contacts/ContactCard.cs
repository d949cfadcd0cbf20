namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// A stored vCard read for EAS: its UID (RFC 6350 6.7.6, empty when the card has none), the contact as EAS sees
/// it, and the parsed card, which <see cref="ContactVCard.Write"/> takes back as <c>existing</c> so that what the
/// mapping does not cover survives the next write.
/// </summary>
public sealed record ContactCard(string Uid, ContactItem Item, VCard Card);
