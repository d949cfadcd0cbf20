using Eas.Wire.Wbxml;

namespace Eas.Fuzz;

/// <summary>
/// Lets seed documents be written in the shape of the XML they stand for:
/// <c>using (w.Open(AirSync.Sync)) { ... }</c> opens an element and closes it at the end of the block.
/// </summary>
internal static class WbxmlWriterScopes
{
    public static ElementScope Open(this WbxmlWriter writer, ushort tag)
    {
        writer.StartElement(tag);
        return new ElementScope(writer);
    }

    /// <summary>Writes <c>&lt;tag&gt;value&lt;/tag&gt;</c> for a text value.</summary>
    public static void Text(this WbxmlWriter writer, ushort tag, string value) => writer.WriteElementString(tag, value);

    /// <summary>Writes an element whose value is an integer, as EAS sends status codes and sizes.</summary>
    public static void Number(this WbxmlWriter writer, ushort tag, long value) => writer.WriteElementInt(tag, value);
}

/// <summary>Closes the element opened by <see cref="WbxmlWriterScopes.Open"/>.</summary>
internal readonly ref struct ElementScope(WbxmlWriter writer)
{
    public void Dispose() => writer.EndElement();
}
