namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// A contact as a phone sent it in a Sync Add or Change (MS-ASCMD 2.2.3.11, ApplicationData): the values, and which
/// elements were in the request at all. <see cref="Present"/> holds the tag of every element sent, an empty one
/// included (an empty element clears the value); the containers count by their own tag:
/// <c>Contacts.Categories</c>, <c>Contacts.Children</c>, <c>Contacts.Picture</c>, and the body as
/// <c>AirSyncBase.Body</c> (12.0+) or <c>Contacts.Body</c> (2.5). <see cref="ContactGhosting"/> reads it.
/// </summary>
public sealed record ContactUpdate(ContactItem Item, IReadOnlySet<ushort> Present);
