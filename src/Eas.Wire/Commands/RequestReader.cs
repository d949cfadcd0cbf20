using System.Globalization;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands;

/// <summary>
/// The checks every request parser shares, bound to the command (for the exception) and the request's
/// protocol version (for the version rules). Values are validated strictly: numbers are plain decimal
/// digits, flags are empty tags or 0/1, and every failure is an <see cref="EasRequestFormatException"/>
/// that names the element.
/// </summary>
internal readonly record struct RequestReader(EasCommand Command, ProtocolVersion Version)
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    /// <summary>Fails unless <paramref name="root"/> is the command's top-level element.</summary>
    public void ExpectRoot(WbxmlElement root, ushort tag)
    {
        if (root.Tag != tag)
            throw Fail(root.Tag, $"the top-level element is {Name(root.Tag)}, not {Name(tag)}");
        if (root.ValueKind != WbxmlValueKind.None)
            throw Fail(root.Tag, $"{Name(root.Tag)} holds a value instead of elements");
    }

    /// <summary>The error for a child the schema does not allow under its parent.</summary>
    public EasRequestFormatException Unexpected(WbxmlElement parent, WbxmlElement child) =>
        Fail(child.Tag, $"{Name(child.Tag)} is not allowed in {Name(parent.Tag)}");

    /// <summary>The error for a required child that is absent.</summary>
    public EasRequestFormatException Missing(WbxmlElement parent, ushort tag) =>
        new(Command, Name(tag), $"{Name(parent.Tag)} lacks the required {Name(tag)}") { MissingElement = true };

    /// <summary>Fails when a version rule excludes the element; <paramref name="citation"/> names the spec section.</summary>
    public void RequireVersion(bool allowed, WbxmlElement element, string citation)
    {
        if (!allowed)
            throw Fail(element.Tag, $"{Name(element.Tag)} is not supported in protocol version {Version} ({citation})");
    }

    /// <summary>Stores a single-valued child, failing on a second occurrence.</summary>
    public void Once<T>(ref T? slot, WbxmlElement element, T value)
        where T : class
    {
        if (slot is not null) throw Fail(element.Tag, $"{Name(element.Tag)} appears more than once");
        slot = value;
    }

    /// <summary>Stores a single-valued child, failing on a second occurrence.</summary>
    public void Once<T>(ref T? slot, WbxmlElement element, T value)
        where T : struct
    {
        if (slot is not null) throw Fail(element.Tag, $"{Name(element.Tag)} appears more than once");
        slot = value;
    }

    /// <summary>The text of a leaf element; empty when the element is empty.</summary>
    public string Text(WbxmlElement element)
    {
        if (element.HasChildren) throw Fail(element.Tag, $"{Name(element.Tag)} holds elements instead of a value");
        return element.Text;
    }

    /// <summary>The text of a leaf element that must not be empty and must not exceed <paramref name="maxLength"/> characters.</summary>
    public string NonEmptyText(WbxmlElement element, int maxLength = int.MaxValue)
    {
        var text = Text(element);
        if (text.Length == 0) throw Fail(element.Tag, $"{Name(element.Tag)} is empty");
        if (text.Length > maxLength)
            throw Fail(element.Tag, $"{Name(element.Tag)} is {text.Length} characters long; at most {maxLength} are allowed");
        return text;
    }

    /// <summary>A decimal integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Number(WbxmlElement element, long min, long max)
    {
        var text = Text(element);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Fail(element.Tag, $"{Name(element.Tag)} is '{RequestValues.Quote(text)}', not a number from {min} to {max}");
        return value;
    }

    /// <summary>A decimal integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Int(WbxmlElement element, int min = 0, int max = int.MaxValue) => (int)Number(element, min, max);

    /// <summary>A boolean that is either an empty tag (true) or the value 0 or 1 (MS-ASDTYPE 2.1).</summary>
    public bool Flag(WbxmlElement element)
    {
        var text = Text(element);
        return text switch
        {
            "" or "1" => true,
            "0" => false,
            _ => throw Fail(element.Tag, $"{Name(element.Tag)} is '{RequestValues.Quote(text)}', not 0 or 1"),
        };
    }

    /// <summary>
    /// A UTC date-time as MS-ASDTYPE 2.3 writes it, <c>2025-06-01T08:00:00.000Z</c> (the milliseconds may
    /// be left out).
    /// </summary>
    public DateTime UtcDateTime(WbxmlElement element)
    {
        var text = Text(element);
        if (!DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            throw Fail(element.Tag, $"{Name(element.Tag)} is '{RequestValues.Quote(text)}', not a date-time like 2025-06-01T08:00:00.000Z");
        return value;
    }

    /// <summary>An element that must be an empty tag.</summary>
    public void Empty(WbxmlElement element)
    {
        if (element.HasChildren || element.ValueKind != WbxmlValueKind.None)
            throw Fail(element.Tag, $"{Name(element.Tag)} must be an empty tag");
    }

    /// <summary>A container element: it must not carry a value.</summary>
    public WbxmlElement Container(WbxmlElement element)
    {
        if (element.ValueKind != WbxmlValueKind.None)
            throw Fail(element.Tag, $"{Name(element.Tag)} holds a value instead of elements");
        return element;
    }

    /// <summary>A container element that must have at least one child.</summary>
    public WbxmlElement NonEmptyContainer(WbxmlElement element)
    {
        Container(element);
        if (!element.HasChildren) throw Fail(element.Tag, $"{Name(element.Tag)} is empty");
        return element;
    }

    /// <summary>An error about <paramref name="tag"/> with the given text.</summary>
    public EasRequestFormatException Fail(ushort tag, string message) => new(Command, Name(tag), message);

    private static string Name(ushort tag) => CodePageTable.Describe(tag);
}
