namespace Eas.Wire.Wbxml;

/// <summary>What <see cref="WbxmlReader.Read"/> found.</summary>
public enum WbxmlNodeType
{
    /// <summary>Nothing read yet.</summary>
    None,

    /// <summary>An element starts; <see cref="WbxmlReader.HasContent"/> says whether an END will follow.</summary>
    StartElement,

    /// <summary>The current element ends (its END token, or directly after an empty tag).</summary>
    EndElement,

    /// <summary>An inline UTF-8 string (STR_I).</summary>
    Text,

    /// <summary>Opaque bytes (OPAQUE).</summary>
    Opaque,

    /// <summary>The root element has ended and no bytes remain.</summary>
    EndOfDocument,
}
