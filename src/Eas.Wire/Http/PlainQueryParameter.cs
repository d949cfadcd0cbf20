namespace Eas.Wire.Http;

/// <summary>
/// The parameter names of the plain text query value: the four of MS-ASHTTP 2.2.1.1.1.2, the
/// command-specific ones of MS-ASHTTP 2.2.1.1.1.2.5, and CollectionName and ParentId from earlier revisions.
/// The member names are the canonical spellings.
/// </summary>
internal enum PlainQueryParameter
{
    Cmd,
    User,
    DeviceId,
    DeviceType,
    AttachmentName,
    CollectionId,
    CollectionName,
    ItemId,
    LongId,
    ParentId,
    Occurrence,
    SaveInSent,
}
