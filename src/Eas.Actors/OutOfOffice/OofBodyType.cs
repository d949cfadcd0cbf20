namespace Eas.Actors.OutOfOffice;

/// <summary>The two values of settings:BodyType for OOF messages (MS-ASCMD 2.2.3.17), as they travel.</summary>
public static class OofBodyType
{
    /// <summary>Plain text.</summary>
    public const string Text = "Text";

    /// <summary>HTML.</summary>
    public const string Html = "HTML";

    /// <summary>The spec's spelling of a value the phone sent in any case; null when it is neither.</summary>
    public static string? Parse(string? value) =>
        string.Equals(value, Text, StringComparison.OrdinalIgnoreCase) ? Text
        : string.Equals(value, Html, StringComparison.OrdinalIgnoreCase) ? Html
        : null;
}
