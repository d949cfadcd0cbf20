namespace Eas.Wire.Commands.Ping;

/// <summary>
/// One folder a Ping watches (MS-ASCMD 2.2.3.71.2): its server id (Id, 2.2.3.90) and content class
/// (Class, 2.2.3.27.4: Email, Calendar, Contacts, Tasks, Notes, SMS), both required.
/// </summary>
public sealed record PingFolder(string Id, string Class);
