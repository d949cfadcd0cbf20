namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// One part of the contact↔vCard mapping: reads the card properties it knows into the contact (claiming them for
/// its slots), and writes the contact's values as vCard 4.0 properties, each under its slot. Writing the same
/// contact always gives the same properties, which is how <see cref="ContactVCard.Write"/> tells an unchanged slot.
/// With <c>explicitFields</c>, a map whose properties are told apart by order (EMAIL, IMPP, the second work and home
/// TEL) names the EAS element of each in <c>X-EAS-FIELD</c>.
/// </summary>
internal interface IContactPropertyMap
{
    void Read(ContactCardBinding binding);

    IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields);
}
