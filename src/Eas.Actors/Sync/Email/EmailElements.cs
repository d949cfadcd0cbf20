using System.Globalization;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Email;

/// <summary>Builds the value elements of MS-ASDTYPE's types: string (2.7), integer (2.6), boolean 0/1 (2.1) and dateTime (2.3).</summary>
internal static class EmailElements
{
    public static WbxmlElement Number(ushort tag, long value) =>
        WbxmlElement.WithText(tag, value.ToString(CultureInfo.InvariantCulture));

    public static WbxmlElement Boolean(ushort tag, bool value) => Number(tag, value ? 1 : 0);

    public static WbxmlElement Date(ushort tag, DateTime value) => WbxmlElement.WithText(tag, EmailDateTime.Format(value));

    /// <summary>Adds a string element unless the value is null or empty.</summary>
    public static void AddText(this WbxmlElement parent, ushort tag, string? value)
    {
        if (!string.IsNullOrEmpty(value)) parent.Add(WbxmlElement.WithText(tag, value));
    }

    /// <summary>Adds a dateTime element unless the value is null.</summary>
    public static void AddDate(this WbxmlElement parent, ushort tag, DateTime? value)
    {
        if (value is { } time) parent.Add(Date(tag, time));
    }
}
