using System.Collections.Immutable;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// One parameter of a vCard property (RFC 6350 5; RFC 2426 4): its name in upper case and its values, unquoted,
/// with a comma list split (<c>TYPE=WORK,VOICE</c> is two values). A 3.0 bare value (<c>TEL;WORK:</c>) is read as
/// <c>TYPE=WORK</c> (RFC 2426 4, the "type-param" shorthand of vCard 2.1).
/// </summary>
public sealed record VCardParameter(string Name, ImmutableArray<string> Values)
{
    /// <summary>A parameter with one value.</summary>
    public VCardParameter(string name, string value)
        : this(name, [value])
    {
    }
}
