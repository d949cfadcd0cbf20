using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands;

/// <summary>Small writing helpers the response writers share.</summary>
internal static class WbxmlWriterExtensions
{
    /// <summary>Writes <c>&lt;tag&gt;value&lt;/tag&gt;</c> when the value is not null.</summary>
    public static void WriteOptional(this WbxmlWriter writer, ushort tag, string? value)
    {
        if (value is not null) writer.WriteElementString(tag, value);
    }

    /// <summary>Writes <c>&lt;tag&gt;value&lt;/tag&gt;</c> when the value is not null.</summary>
    public static void WriteOptional(this WbxmlWriter writer, ushort tag, long? value)
    {
        if (value is { } number) writer.WriteElementInt(tag, number);
    }

    /// <summary>Writes a UTC date-time as MS-ASDTYPE 2.3 does, <c>2025-06-01T08:00:00.000Z</c>, when not null.</summary>
    public static void WriteOptional(this WbxmlWriter writer, ushort tag, DateTime? value)
    {
        if (value is { } time)
            writer.WriteElementString(tag, time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the element as given when it is not null.</summary>
    public static void WriteOptional(this WbxmlWriter writer, WbxmlElement? element)
    {
        if (element is not null) writer.WriteElement(element);
    }

    /// <summary>Writes an empty tag when <paramref name="present"/> is true (an EmptyTag flag, MS-ASDTYPE 2.2).</summary>
    public static void WriteFlag(this WbxmlWriter writer, ushort tag, bool present)
    {
        if (present) writer.WriteEmptyElement(tag);
    }

    /// <summary>Writes a status code: a command enum or a <see cref="CommonStatus"/> cast to it.</summary>
    public static void WriteStatus<TStatus>(this WbxmlWriter writer, ushort tag, TStatus status)
        where TStatus : struct, Enum =>
        writer.WriteElementInt(tag, Convert.ToInt64(status, System.Globalization.CultureInfo.InvariantCulture));
}
