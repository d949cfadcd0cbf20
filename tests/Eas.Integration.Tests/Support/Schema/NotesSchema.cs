using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The Notes data class in a response (MS-ASNOTE 2.2.2, 14.0+): Subject, MessageClass and LastModifiedDate as values,
/// Categories (2.2.2.2) holding zero or more Category elements (2.2.2.3); the body is airsyncbase:Body
/// (<see cref="DataClassSchema.Body"/>), since the Notes page has no body elements of its own.
/// </summary>
internal static class NotesSchema
{
    /// <summary>Every element of the class, for the item's unbounded choice.</summary>
    public static readonly SchemaParticle[] Properties =
    [
        Node(Notes.Categories, Value(Notes.Category).Optional().Many()),
        .. OptionalValues(Notes.Subject, Notes.MessageClass, Notes.LastModifiedDate),
    ];
}
